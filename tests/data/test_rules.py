"""Every data rule has a failing example and the exact message staff will read."""

from __future__ import annotations

from pathlib import Path

from saxonyhub.datastore import load_store

ORG = "data/organisations/example-university.yml"


def test_minimal_fixture_is_valid(project: Path):
    store, problems = load_store(project)
    assert problems == [] and [o.id for o in store.all("organisations")] == ["example-university"]


def test_unknown_key_suggests_the_near_miss(problems_after):
    assert problems_after(ORG, "website:", "webiste:") == [
        f"{ORG}:20:1: webiste: unknown key 'webiste' — hint: did you mean 'website'?"
    ]


def test_missing_required_field(problems_after):
    assert problems_after(ORG, "city: Dresden\n", "") == [
        f"{ORG}:1:1: city: this field is required but missing"
        " — hint: add it (see the field reference)"
    ]


def test_wrong_type(problems_after):
    assert problems_after(ORG, "verified: 2026-11-23", "verified: yesterday") == [
        f"{ORG}:23:11: verified: expected a date like 2026-11-23, found 'yesterday'"
    ]


def test_id_must_equal_file_name(problems_after):
    assert problems_after(ORG, "id: example-university", "id: other-university") == [
        f"{ORG}:1:5: id: id 'other-university' does not match the file name"
        " — hint: use 'id: example-university' or rename the file"
    ]


def test_id_must_be_a_slug(problems_after):
    problems = problems_after(ORG, "id: example-university", "id: Example University")
    assert problems[0] == (
        f"{ORG}:1:5: id: expected an id of lower-case letters a-z, digits and single hyphens,"
        " found 'Example University' — hint: no spaces, capitals or umlauts, e.g."
        " 'fraunhofer-iws' (write 'ae' for 'ä', 'oe' for 'ö', 'ue' for 'ü', 'ss' for 'ß')"
    )


def test_unknown_technology_lists_valid_ids(problems_after):
    assert problems_after(ORG, "[medical-technology, imaging]", "[medical-technology, imagin]") == [
        f"{ORG}:12:36: technologies[1]: unknown technology id 'imagin'"
        " — hint: did you mean 'imaging'? valid ids: imaging, medical-technology"
    ]


def test_every_reference_kind_resolves(problems_after, project: Path):
    problems_after("data/services/advice.yml", "guides: [example-guide]", "guides: [missing-guide]")
    problems = problems_after(
        "data/events/conference-2018.yml", "organiser: example-university", "organiser: nobody"
    )
    assert [p.split(": ", 2)[1] for p in problems] == ["guides[0]", "organiser"]


def test_missing_english_text(problems_after):
    assert problems_after(ORG, "  en: A university for the tests.\n", "") == [
        f"{ORG}:5:3: summary: the English text (en) is missing — hint: add an 'en:' line, or set"
        " 'translation: pending' on the entry while the translation is on its way"
    ]


def test_translation_pending_allows_missing_english(problems_after):
    assert len(problems_after(ORG, "  en: A university for the tests.\n", "")) == 1
    assert problems_after(ORG, "verified:", "translation: pending\nverified:") == []


def test_plain_http_url_is_rejected(problems_after):
    assert problems_after(ORG, "website: https://example.org/", "website: http://example.org/") == [
        f"{ORG}:20:10: website: expected a web address starting with https://, found"
        " 'http://example.org/' — hint: only https:// addresses are allowed"
        " (no http:, javascript: or data:)"
    ]


def test_javascript_url_is_rejected(problems_after):
    problems = problems_after(
        ORG, "sources: [https://example.org/about]", "sources: ['javascript:alert(1)']"
    )
    assert problems[0].startswith(f"{ORG}:22:11: sources[0]: expected a web address")


def test_link_in_markdown_must_be_https(problems_after):
    problems = problems_after(ORG, "[Link](https://example.org/)", "[Link](javascript:alert(1))")
    assert problems == [
        f"{ORG}:8:7: profile.de: link target 'javascript:alert(1' is not an https:// address"
        " — hint: links in data texts start with https://, or org:<id> for a profile"
    ]


def test_profile_link_in_markdown_must_name_a_known_organisation(problems_after):
    assert problems_after(ORG, "[Link](https://example.org/)", "[Uni](org:example-universty)") == [
        f"{ORG}:8:7: profile.de: unknown organisation id 'example-universty' in link"
        " — hint: did you mean 'org:example-university'?"
    ]


def test_profile_link_to_a_known_organisation_is_valid(problems_after):
    assert (
        problems_after(ORG, "[Link](https://example.org/)", "[Uni](org:example-university)") == []
    )


def test_service_provider_must_be_a_known_organisation(problems_after):
    problems = problems_after(
        "data/services/advice.yml", "contact: office\n", "contact: office\nprovider: nobody\n"
    )
    assert [p.split(": ", 2)[1:] for p in problems] == [
        ["provider", "unknown organisation id 'nobody' — hint: valid ids: example-university"]
    ]


def test_event_names_exactly_one_organiser(problems_after):
    event = "data/events/conference-2018.yml"
    name = "organiser_name: EBD Group"
    assert problems_after(event, "organiser: example-university", name) == []
    both = problems_after(event, name, f"organiser: example-university\n{name}")
    neither = problems_after(event, f"organiser: example-university\n{name}\n", "")
    for problems in (both, neither):
        assert len(problems) == 1
        assert "give exactly one of 'organiser' and 'organiser_name'" in problems[0]
        assert "hint: 'organiser: <id>' for an organisation with a profile" in problems[0]


def test_raw_html_in_markdown_is_rejected(problems_after):
    problems = problems_after(ORG, "Ein **Profil**", "Ein <script>alert(1)</script>")
    assert problems == [
        f"{ORG}:8:7: profile.de: HTML is not allowed here"
        " — hint: use Markdown: **bold**, *italic*, lists, [text](https://…)"
    ]


def test_invalid_email(problems_after):
    problems = problems_after("data/contacts/office.yml", "office@example.org", "office(at)example")
    assert problems[0].startswith("data/contacts/office.yml:3:8: email: value is not a valid email")


def test_event_end_before_start(problems_after):
    problems = problems_after(
        "data/events/conference-2018.yml", "end: 2018-10-25", "end: 2018-10-20"
    )
    assert problems == [
        "data/events/conference-2018.yml:5:6: end: end 2018-10-20 is before start 2018-10-24"
        " — hint: a one-day event has the same date in both, or no 'end:'"
    ]


def test_coordinates_outside_region(problems_after):
    assert problems_after(ORG, "lat: 51.05, lon: 13.74", "lat: 13.74, lon: 51.05") == [
        f"{ORG}:19:14: coordinates: 13.74, 51.05 lies outside region 'dresden' — hint: expected"
        " latitude 50.9–51.2 and longitude 13.5–14.0; check for swapped lat/lon"
    ]


def test_duplicate_taxonomy_id(problems_after):
    problems = problems_after("data/taxonomy.yml", "- id: imaging", "- id: medical-technology")
    assert problems[0].startswith(
        "data/taxonomy.yml:6:13: technologies[0].fields[0].id:"
        " id 'medical-technology' is used twice"
    )


def test_yaml_errors_are_reported_with_line(problems_after):
    assert problems_after(ORG, "city: Dresden", "city: Dresden\n\tstreet: x")[0].startswith(
        f"{ORG}:19:1: YAML syntax error"
    )


def test_duplicate_key_in_a_mapping(problems_after):
    assert problems_after(ORG, "city: Dresden", "city: Dresden\ncity: Leipzig") == [
        f"{ORG}:19:1: city: duplicate key 'city' (first on line 18)"
        " — hint: keep one of the two entries"
    ]


def test_list_where_a_mapping_belongs(problems_after):
    problems = problems_after(
        ORG, "coordinates: {lat: 51.05, lon: 13.74, precision: city}", "coordinates: [51.05, 13.74]"
    )
    assert problems[0].startswith(f"{ORG}:19:14: coordinates: expected a mapping")


def test_all_errors_of_all_files_are_reported_together(project: Path):
    for name in ("data/contacts/office.yml", "data/services/advice.yml"):
        path = project / name
        path.write_text(path.read_text().replace("id:", "idd:"), encoding="utf-8")
    _, problems = load_store(project)
    assert {p.file for p in problems} >= {"data/contacts/office.yml", "data/services/advice.yml"}


def test_wrong_file_extension(project: Path):
    (project / "data/contacts/office.yml").rename(project / "data/contacts/office.yaml")
    _, problems = load_store(project)
    assert (
        "data/contacts/office.yaml: data files must end in .yml — hint: rename it to office.yml"
        in [p.format() for p in problems]
    )


def test_city_listed_twice(problems_after):
    problems = problems_after(
        "data/taxonomy.yml", "{de: Köln, en: Cologne}", "{de: München, en: Monaco}"
    )
    assert problems == [
        "data/taxonomy.yml:29:10: city_names[1].de: city 'München' is listed twice"
        " — hint: first listed at city_names[0].de"
    ]


def test_city_with_the_same_english_name(problems_after):
    problems = problems_after(
        "data/taxonomy.yml", "{de: Köln, en: Cologne}", "{de: Köln, en: Köln}"
    )
    assert problems == [
        "data/taxonomy.yml:29:10: city_names[1].de: the English name of 'Köln' is the same as the"
        " German one — hint: remove the entry: cities without one are shown as written"
    ]
