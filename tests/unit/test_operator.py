from __future__ import annotations

from pathlib import Path

from saxonyhub.operator import load_operator

VALID = """name: Verein e. V.
address:
  city: Dresden
  country: {de: Deutschland, en: Germany}
source: https://example.org/about
"""


def test_load_operator_lists_missing_impressum_fields_as_notices(tmp_path: Path):
    path = tmp_path / "operator.yml"
    path.write_text(VALID, encoding="utf-8")
    operator, problems = load_operator(path, "data/operator.yml")
    assert operator.name == "Verein e. V."
    assert {p.field for p in problems} >= {"vat_id", "register_number", "address.street"}
    assert all(p.severity == "notice" for p in problems)


def test_load_operator_rejects_invented_looking_vat_id(tmp_path: Path):
    path = tmp_path / "operator.yml"
    path.write_text(VALID + "vat_id: 12345\n", encoding="utf-8")
    _, problems = load_operator(path, "data/operator.yml")
    assert [(p.line, p.field) for p in problems if p.severity == "error"] == [(6, "vat_id")]
