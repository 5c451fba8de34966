"""Slips staff really make: each publishes correctly, or stops `make check` and
the build alike with a Norwegian, then English, message at the right file
and line. The rules are called directly (hooks/cpc/rules.py); a few cases
run end to end through both commands."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cpc import rules
from support import LANGUAGES, ROOT, build_project, copy_project
from support.site import DEFAULT, NEWS, OTHER, in_languages, slug, source_name

CHECK = ROOT / "scripts" / "check_content.py"
GOOD_PAGE = "---\ntitle: Kontakt\ndescription: Slik kontakter du oss.\n---\n\n# Kontakt\n\nTekst.\n"
GOOD_PAGE_EN = "---\ntitle: Contact\ndescription: How to reach us.\n---\n\n# Contact\n\nText.\n"
GOOD_POST = "---\ntitle: Workshop\ndescription: En invitasjon.\ndate: 2026-01-05\n---\n\nTekst.\n"
CONTACT = slug("contact")
MEMBERSHIP = slug("membership")
# The contact page's translation with its language in capitals, as staff may type it.
SHOUTED = f"{CONTACT}.{OTHER.upper()}"


def translated(stem: str) -> str:
    """The file of a page's translation: 'om' -> 'om.en.md'."""
    return source_name(stem, OTHER)


def pair(stem: str, default_text: str, other_text: str) -> dict[str, str]:
    """A page's two files: {'om.md': default_text, 'om.en.md': other_text}."""
    return {source_name(stem, lang): text for lang, text in in_languages(default_text, other_text).items()}


def findings(tmp_path: Path, files: dict[str, str | bytes]) -> list:
    """The rules' findings for a docs/ folder holding a good page pair and `files`."""
    docs = tmp_path / "docs"
    for rel, text in {**pair(CONTACT, GOOD_PAGE, GOOD_PAGE_EN), **files}.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    found, _, _ = rules.check(tmp_path, docs, LANGUAGES)
    return [f for f in found if f.level == "error"]


def the_error(tmp_path, files) -> tuple[str, int, str, str]:
    errors = findings(tmp_path, files)
    assert errors, "no error"
    first = errors[0]
    return first.path.relative_to(tmp_path).as_posix(), first.line, first.nb, first.en


# (case, files, file, line, Norwegian fragment, English fragment)
SLIPS = [
    ("front matter not closed", pair("om", "---\ntitle: Om\ndescription: Om oss.\n\n# Om\n", GOOD_PAGE_EN),
     "docs/om.md", 1, "er ikke avsluttet", "not closed"),
    ("colon in the title", pair("om", "---\ntitle: Kontakt: oss\ndescription: Om oss.\n---\n", GOOD_PAGE_EN),
     "docs/om.md", 2, "kan ikke leses", "cannot be read"),
    ("# in the title", {f"{NEWS}/besok.md": GOOD_POST.replace("title: Workshop", "title: Klyngen besøkte anlegg #2")},
     f"docs/{NEWS}/besok.md", 2, 'title: "Klyngen besøkte anlegg #2"', "starts a comment"),
    ("tab in front matter", {f"{NEWS}/tab.md": GOOD_POST.replace("date:", "\tdate:")},
     f"docs/{NEWS}/tab.md", 4, "tabulatortegn", "tab character"),
    ("non-breaking space in front matter", {f"{NEWS}/nbsp.md": GOOD_POST.replace("date:", "\u00a0date:")},
     f"docs/{NEWS}/nbsp.md", 4, "hardt mellomrom", "non-breaking space"),
    ("capital EN suffix", {f"{NEWS}/workshop.md": GOOD_POST, f"{NEWS}/workshop.{OTHER.upper()}.md": GOOD_POST},
     f"docs/{NEWS}/workshop.{OTHER.upper()}.md", 1, f"Gi filen navnet docs/{NEWS}/{translated('workshop')}",
     "Rename the file"),
    ("capital MD ending", {f"{NEWS}/workshop.md": GOOD_POST, f"{NEWS}/workshop.{OTHER}.MD": GOOD_POST},
     f"docs/{NEWS}/workshop.{OTHER}.MD", 1, f"docs/{NEWS}/{translated('workshop')}",
     f"docs/{NEWS}/{translated('workshop')}"),
    ("capital EN on a page", {f"{SHOUTED}.md": GOOD_PAGE_EN},
     f"docs/{SHOUTED}.md", 1, f"Gi filen navnet docs/{translated(CONTACT)}",
     f"Rename the file to docs/{translated(CONTACT)}"),
    ("post in a year folder", {f"{NEWS}/2027/julebord.md": GOOD_POST},
     f"docs/{NEWS}/2027/julebord.md", 1, f"Flytt filen til docs/{NEWS}/julebord.md", "Move the file"),
    ("spaces and æøå in the name", {f"{NEWS}/Besøk på anlegg.md": GOOD_POST},
     f"docs/{NEWS}/Besøk på anlegg.md", 1, f"docs/{NEWS}/besok-pa-anlegg.md", f"docs/{NEWS}/besok-pa-anlegg.md"),
    (".markdown ending", {f"{NEWS}/julebord.markdown": GOOD_POST},
     f"docs/{NEWS}/julebord.markdown", 1, f"docs/{NEWS}/julebord.md", f"docs/{NEWS}/julebord.md"),
    ("hide: true", {f"{NEWS}/skjult.md": GOOD_POST.replace("date:", "hide: true\ndate:")},
     f"docs/{NEWS}/skjult.md", 4, "skal være en liste", "must be a list"),
    ("hide: true on a page", pair("om", GOOD_PAGE.replace("description:", "hide: true\ndescription:"), GOOD_PAGE_EN),
     "docs/om.md", 3, "skal være en liste", "must be a list"),
    ("pasted from Word", pair("om", GOOD_PAGE + '\n<p class="MsoNormal">Hei<o:p></o:p></p>\n', GOOD_PAGE_EN),
     "docs/om.md", 10, "limt inn fra Word", "pasted from Word"),
    ("picture on the editor's own computer", pair("om", GOOD_PAGE + "\n![Anlegget](file:///C:/Users/kari/anlegg.jpg)\n",
                                                  GOOD_PAGE_EN),
     "docs/om.md", 10, "fil på din egen maskin", "your own computer"),
    ("unknown field", pair("om", GOOD_PAGE.replace("description:", "descripton: x\ndescription:"), GOOD_PAGE_EN),
     "docs/om.md", 3, "Ukjent felt «descripton». Mente du «description»?", "Did you mean"),
]


@pytest.mark.parametrize(("files", "where", "line", "norwegian", "english"), [s[1:] for s in SLIPS],
                         ids=[s[0] for s in SLIPS])
def test_each_slip_gets_a_message_at_its_line(tmp_path, files, where, line, norwegian, english):
    found = the_error(tmp_path, files)
    assert found[:2] == (where, line), found
    assert norwegian in found[2] and english in found[3], found


def test_a_capital_suffix_gets_no_misleading_translation_advice(tmp_path):
    errors = findings(tmp_path, {f"{SHOUTED}.md": GOOD_PAGE_EN})
    assert not [e for e in errors if translated(SHOUTED) in e.nb + e.en]


def test_the_suggested_link_works_from_the_page_itself(tmp_path):
    """A typo in a link from a subfolder suggests the path as written from there."""
    files = {**pair("fokus/side", GOOD_PAGE + f"\nLes om [medlemskap]({MEMBERSHIP}m.md).\n", GOOD_PAGE_EN),
             **pair(MEMBERSHIP, GOOD_PAGE, GOOD_PAGE_EN)}
    _, _, norwegian, _ = the_error(tmp_path, files)
    assert f"Mente du «../{MEMBERSHIP}.md»?" in norwegian, norwegian
    fixed = {**files, source_name("fokus/side", DEFAULT): GOOD_PAGE + f"\nLes om [medlemskap](../{MEMBERSHIP}.md).\n"}
    assert findings(tmp_path / "fixed", fixed) == []


def test_a_draft_field_is_part_of_the_post_contract(tmp_path):
    assert findings(tmp_path, {f"{NEWS}/utkast.md": GOOD_POST.replace("date:", "draft: true\ndate:")}) == []
    bad = {f"{NEWS}/utkast.md": GOOD_POST.replace("date:", "draft: kanskje\ndate:")}
    _, line, norwegian, _ = the_error(tmp_path / "bad", bad)
    assert line == 4 and "draft: true" in norwegian


# --- The build refuses what make check refuses, with the same words -----------------------

END_TO_END = [
    ("front matter not closed", source_name(CONTACT, DEFAULT),
     "---\ntitle: Kontakt\ndescription: Slik kontakter du oss.\n\n# Kontakt\n"),
    (".markdown ending", f"{NEWS}/julebord.markdown", GOOD_POST),
    ("hide: true", source_name(CONTACT, DEFAULT), GOOD_PAGE.replace("description:", "hide: true\ndescription:")),
    ("capital EN", f"{SHOUTED}.md", GOOD_PAGE_EN),
]


@pytest.mark.parametrize(("name", "text"), [c[1:] for c in END_TO_END], ids=[c[0] for c in END_TO_END])
def test_make_check_and_the_build_stop_with_the_same_message(tmp_path, name, text):
    project = copy_project(tmp_path / "project")
    path = project / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    both_stop_alike(project, tmp_path)


@pytest.mark.parametrize("role", ["accessibility", "focus_area"])
def test_a_deleted_page_the_site_links_to_stops_both_alike(tmp_path, role):
    """The accessibility statement, which only the footer links to, and a
    focus area, which only the menu names (mkdocs.yml's nav)."""
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    stem = slug(role) if role != "focus_area" else next(
        p.relative_to(docs).as_posix()[:-3] for p in sorted((docs / slug("focus_areas")).glob("*.md"))
        if p.name != "index.md" and p.suffixes == [".md"])
    for lang in (DEFAULT, OTHER):
        (docs / source_name(stem, lang)).unlink()
    message = f"docs/{stem}.md:1: FEIL / ERROR"
    assert all(message in output for output in both_stop_alike(project, tmp_path))


def both_stop_alike(project: Path, tmp_path: Path) -> tuple[str, str]:
    """`make check` and the build stop on `project` with the same first
    message, and nothing is published; returns what each printed."""
    check = subprocess.run([sys.executable, str(CHECK), "--root", str(project)], capture_output=True, text=True,
                           env={**os.environ, "GITHUB_ACTIONS": ""}, timeout=120)
    assert check.returncode == 1, check.stdout
    head = next(line for line in check.stdout.splitlines() if "FEIL / ERROR" in line)
    message = check.stdout.split(head, 1)[1].split("\n", 3)[1:3]
    build = build_project(project, tmp_path / "site")
    output = build.stdout + build.stderr
    assert build.returncode != 0 and head in output and all(line in output for line in message), output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "index.html").exists(), "nothing is published half-done"
    return check.stdout, output
