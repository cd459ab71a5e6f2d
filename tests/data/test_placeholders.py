"""Scaffold placeholders (TODO) may stay in drafts, never in anything published."""

from __future__ import annotations

ORG = "data/organisations/example-university.yml"
CONTACT = "data/contacts/office.yml"
HINT = "replace it with the real text, or keep 'draft: true' until it is ready"


def test_placeholder_in_a_published_entry_is_an_error(problems_after):
    assert problems_after(ORG, "city: Dresden", "city: TODO Dresden") == [
        f"{ORG}:18:7: city: placeholder 'TODO' left in a published entry — hint: {HINT}"
    ]


def test_placeholder_in_a_draft_entry_is_fine(problems_after):
    problems_after(ORG, "city: Dresden", "city: TODO Dresden")
    assert problems_after(ORG, "verified:", "draft: true\nverified:") == []


def test_placeholder_in_a_contact_counts_once_a_published_entry_names_it(problems_after):
    assert problems_after(CONTACT, "office@example.org", "TODO@example.org") == [
        f"{CONTACT}:3:8: email: placeholder 'TODO' left in a published entry"
        " — hint: replace it before a published entry names this contact"
    ]


def test_placeholder_in_a_contact_nobody_publishes_is_fine(problems_after):
    problems_after(CONTACT, "office@example.org", "TODO@example.org")
    problems_after("data/regions/dresden.yml", "settling_contacts: [office]", "")
    problems_after("data/services/advice.yml", "contact: office", "draft: true\ncontact: office")
    assert problems_after(ORG, "contact: office\n", "") == []
