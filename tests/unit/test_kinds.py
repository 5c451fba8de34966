"""One declaration per kind of content (hooks/cpc/kinds.py, fields.py): the
checks, the editor's fields and the guide all follow it."""
from __future__ import annotations

import dataclasses
import re

import pytest

from support import ROOT
from support.site import LOCALES

from cpc import cms, datafile, fields, kinds
from cpc.fields import Field, Type, Words

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
CONTEXT = fields.Context(tuple(LOCALES))


def parsed(text: str):
    return datafile.parse(text, "test.yml")


def check(kind, text: str):
    return fields.check(kind, parsed(text), CONTEXT)


@pytest.mark.parametrize("kind", kinds.ALL.values(), ids=list(kinds.ALL))
def test_the_guide_names_every_field_of_every_kind(kind):
    """Staff who edit on GitHub find each field in CONTRIBUTING.md."""
    for field in kind.fields:
        named = re.search(rf"`{re.escape(field.name)}(:[^`]*)?`|^\s*-?\s*{re.escape(field.name)}:", GUIDE, re.M)
        assert named, f"CONTRIBUTING.md does not name the {kind.name} field `{field.name}`"


@pytest.mark.parametrize("kind", kinds.ALL.values(), ids=list(kinds.ALL))
def test_every_field_has_its_words_in_both_languages(kind):
    for field in kind.fields:
        assert field.label.nb and field.label.en, field
        assert bool(field.hint.nb) == bool(field.hint.en), field
        if field.pattern:
            assert field.pattern_message.nb and field.pattern_message.en, field


def test_the_editors_fields_are_the_declaration():
    """Names, order, required, limits and hints: all from kinds.py."""
    for kind in kinds.ALL.values():
        form = cms.form_fields(kind, tuple(LOCALES), "docs", bilingual=True)
        assert [f["name"] for f in form] == list(kind.names)
        for field, shown in zip(kind.fields, form):
            assert shown["label"] == field.label.nb
            assert shown["required"] is field.required
            assert shown.get("hint", "") == field.hint.nb
            assert shown.get("maxlength", 0) == field.max_length
            assert shown["i18n"] == field.editor.value
            if field.entries is not None:
                assert [f["name"] for f in shown["fields"]] == list(field.entries.names)
    description = cms.form_field(kinds.POST.field("description"), tuple(LOCALES), "docs", True)
    assert description["maxlength"] == kinds.DESCRIPTION_MAX
    # Alt text is required only with a picture: the declaration tells the
    # editor's check before each save (admin/cpc-admin.js) which fields go together.
    assert cms.form_field(kinds.POST.field("image_alt"), tuple(LOCALES), "docs", True)["required"] is False
    together = cms.editor_rules()["together"]
    assert [(rule["field"], rule["with"]) for rule in together] == [("image_alt", "image")]
    assert together[0]["message"].startswith("Bildet mangler alternativ tekst{version}. Fyll ut «Alternativ tekst for bildet»")


@pytest.mark.parametrize("field, good, bad", [
    (kinds.MEMBER.field("url"), "https://www.eksempel.no", "www.eksempel.no"),
    (kinds.PERSON.field("email"), "kari@eksempel.no", "kari@eksempel"),
    (kinds.ORGANISATION.field("org_number"), "123 456 789", "12345678"),
    (kinds.GOAL.field("id"), "materialgjenvinning", "Material gjenvinning"),
])
def test_the_editors_pattern_agrees_with_the_check(field, good, bad):
    """What the editor refuses as it is typed, with a Norwegian message, is what the check refuses."""
    pattern, message = cms.form_field(field, tuple(LOCALES), "docs", False)["pattern"]
    assert re.search(pattern, good) and not re.search(pattern, bad)
    assert re.search("[æøå]|Skriv|Bruk", message), message  # Norwegian
    subject = Words("Oppføringen", "The entry")
    assert not fields.CHECKS[field.type](field, good, 1, CONTEXT, subject, "")[1]
    assert fields.CHECKS[field.type](field, bad, 1, CONTEXT, subject, "")[1]


def test_a_field_added_to_a_declaration_is_checked_and_in_the_editor():
    online = Field("online", Type.WEB_ADDRESS, Words("Nettmøte", "Online meeting"), example="https://…")
    event = dataclasses.replace(kinds.EVENT, fields=(*kinds.EVENT.fields, online))
    text = "start: 2027-03-04 10:00\nend: 2027-03-04 12:00\nlocation: Oslo\nonline: teams\n"
    values, problems = fields.check(event, parsed(text), CONTEXT)
    assert [p.line for p in problems] == [4] and "online: teams" in problems[0].nb
    assert "online" in [f["name"] for f in cms.form_fields(event, tuple(LOCALES), "docs", True)]
    assert fields.check(kinds.EVENT, parsed(text), CONTEXT)[1][0].nb.startswith("Ukjent felt «online»")


def test_a_field_required_with_another_is_asked_for_at_that_fields_line():
    values, problems = check(kinds.POST, "title: T\ndescription: D\ndate: 2027-03-04\nimage: x.svg\n")
    assert [(p.line, "image_alt" in p.nb) for p in problems] == [(4, True)]
    assert check(kinds.POST, "title: T\ndescription: D\ndate: 2027-03-04\n")[1] == []


def test_a_limit_says_how_long_the_text_is_and_why():
    problems = check(kinds.PAGE, f"title: T\ndescription: {'x' * 170}\n")[1]
    assert len(problems) == 1 and problems[0].line == 2
    assert "170 tegn" in problems[0].nb and "søkemotorer" in problems[0].nb and "160" in problems[0].nb


def test_a_list_names_each_entry_and_refuses_a_twin():
    text = ("members:\n"
            "  - name: Eksempel AS\n    url: http://eksempel.no\n    logo: assets/logos/e.svg\n    kind: member\n"
            "  - name: eksempel as\n    url: https://eksempel.no\n    logo: assets/logos/e.svg\n    kind: medlem\n")
    data = parsed(text)
    _, problems = fields.entries(kinds.MEMBER, data["members"], 1, CONTEXT, "members")
    said = {(p.line, p.nb.split(":")[0]) for p in problems}
    assert (3, "Medlemmet «Eksempel AS»") in said  # http://
    assert (9, "Medlemmet «eksempel as»") in said  # kind: medlem
    assert any(p.line == 6 and "står to ganger i listen (også på linje 2)" in p.nb for p in problems)


def test_a_translated_field_asks_for_the_missing_language_by_name():
    problems = check(kinds.PERSON, "name: Kari\nrole:\n  nb: Leder\nemail: kari@eksempel.no\n")[1]
    assert len(problems) == 1 and "engelsk" in problems[0].nb and "English" in problems[0].en


@pytest.mark.parametrize("text, line, words", [
    ("start: 2027-03-04 10.00\nend: 2027-03-04 12:00\nlocation: Oslo\n", 1, "er ikke et gyldig tidspunkt"),
    ("start: 2027-03-04 10:00\nend: 2027-03-04 09:00\nlocation: Oslo\n", 2, "slutter før det begynner"),
    ("start: 2027-03-04 10:00\nend: 2027-03-04 12:00\n", 1, "mangler sted (location)"),
    # 28 March 2027, when summer time begins, has no 02:30; the autumn's repeated 02:30 is a time.
    ("start: 2027-03-28 02:30\nend: 2027-03-28 04:00\nlocation: Oslo\n", 1,
     "finnes ikke i norsk tid: klokken hopper fra 02:00 til 03:00 når sommertiden begynner. Skriv tidspunktet som "
     "klokken viser det, for eksempel 2027-03-28 03:30"),
])
def test_an_events_fields_and_rules(text, line, words):
    problems = check(kinds.EVENT, text)[1]
    assert [p.line for p in problems] == [line] and words in problems[0].nb, problems


def test_the_hour_repeated_when_summer_time_ends_is_a_time():
    assert check(kinds.EVENT, "start: 2027-10-31 02:30\nend: 2027-10-31 04:00\nlocation: Oslo\n")[1] == []
