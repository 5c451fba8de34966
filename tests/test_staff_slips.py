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

CHECK = ROOT / "scripts" / "check_content.py"
GOOD_PAGE = "---\ntitle: Kontakt\ndescription: Slik kontakter du oss.\n---\n\n# Kontakt\n\nTekst.\n"
GOOD_PAGE_EN = "---\ntitle: Contact\ndescription: How to reach us.\n---\n\n# Contact\n\nText.\n"
GOOD_POST = "---\ntitle: Workshop\ndescription: En invitasjon.\ndate: 2026-01-05\n---\n\nTekst.\n"


def findings(tmp_path: Path, files: dict[str, str | bytes]) -> list:
    """The rules' findings for a docs/ folder holding a good page pair and `files`."""
    docs = tmp_path / "docs"
    for rel, text in {"kontakt.md": GOOD_PAGE, "kontakt.en.md": GOOD_PAGE_EN, **files}.items():
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
    ("front matter not closed", {"om.md": "---\ntitle: Om\ndescription: Om oss.\n\n# Om\n", "om.en.md": GOOD_PAGE_EN},
     "docs/om.md", 1, "er ikke avsluttet", "not closed"),
    ("colon in the title", {"om.md": "---\ntitle: Kontakt: oss\ndescription: Om oss.\n---\n", "om.en.md": GOOD_PAGE_EN},
     "docs/om.md", 2, "kan ikke leses", "cannot be read"),
    ("# in the title", {"nyheter/besok.md": GOOD_POST.replace("title: Workshop", "title: Klyngen besøkte anlegg #2")},
     "docs/nyheter/besok.md", 2, 'title: "Klyngen besøkte anlegg #2"', "starts a comment"),
    ("tab in front matter", {"nyheter/tab.md": GOOD_POST.replace("date:", "\tdate:")},
     "docs/nyheter/tab.md", 4, "tabulatortegn", "tab character"),
    ("non-breaking space in front matter", {"nyheter/nbsp.md": GOOD_POST.replace("date:", "\u00a0date:")},
     "docs/nyheter/nbsp.md", 4, "hardt mellomrom", "non-breaking space"),
    ("capital EN suffix", {"nyheter/workshop.md": GOOD_POST, "nyheter/workshop.EN.md": GOOD_POST},
     "docs/nyheter/workshop.EN.md", 1, "Gi filen navnet docs/nyheter/workshop.en.md", "Rename the file"),
    ("capital MD ending", {"nyheter/workshop.md": GOOD_POST, "nyheter/workshop.en.MD": GOOD_POST},
     "docs/nyheter/workshop.en.MD", 1, "docs/nyheter/workshop.en.md", "docs/nyheter/workshop.en.md"),
    ("capital EN on a page", {"kontakt.EN.md": GOOD_PAGE_EN},
     "docs/kontakt.EN.md", 1, "Gi filen navnet docs/kontakt.en.md", "Rename the file to docs/kontakt.en.md"),
    ("post in a year folder", {"nyheter/2027/julebord.md": GOOD_POST},
     "docs/nyheter/2027/julebord.md", 1, "Flytt filen til docs/nyheter/julebord.md", "Move the file"),
    ("spaces and æøå in the name", {"nyheter/Besøk på anlegg.md": GOOD_POST},
     "docs/nyheter/Besøk på anlegg.md", 1, "docs/nyheter/besok-pa-anlegg.md", "docs/nyheter/besok-pa-anlegg.md"),
    (".markdown ending", {"nyheter/julebord.markdown": GOOD_POST},
     "docs/nyheter/julebord.markdown", 1, "docs/nyheter/julebord.md", "docs/nyheter/julebord.md"),
    ("hide: true", {"nyheter/skjult.md": GOOD_POST.replace("date:", "hide: true\ndate:")},
     "docs/nyheter/skjult.md", 4, "skal være en liste", "must list parts"),
    ("hide: true on a page", {"om.md": GOOD_PAGE.replace("description:", "hide: true\ndescription:"), "om.en.md": GOOD_PAGE_EN},
     "docs/om.md", 3, "skal være en liste", "must list parts"),
    ("pasted from Word", {"om.md": GOOD_PAGE + '\n<p class="MsoNormal">Hei<o:p></o:p></p>\n', "om.en.md": GOOD_PAGE_EN},
     "docs/om.md", 10, "limt inn fra Word", "pasted from Word"),
    ("picture on the editor's own computer", {"om.md": GOOD_PAGE + "\n![Anlegget](file:///C:/Users/kari/anlegg.jpg)\n",
                                             "om.en.md": GOOD_PAGE_EN},
     "docs/om.md", 10, "fil på din egen maskin", "your own computer"),
    ("unknown field", {"om.md": GOOD_PAGE.replace("description:", "descripton: x\ndescription:"), "om.en.md": GOOD_PAGE_EN},
     "docs/om.md", 3, "Ukjent felt «descripton». Mente du «description»?", "Did you mean"),
]


@pytest.mark.parametrize(("files", "where", "line", "nb", "en"), [s[1:] for s in SLIPS], ids=[s[0] for s in SLIPS])
def test_each_slip_gets_a_message_at_its_line(tmp_path, files, where, line, nb, en):
    found = the_error(tmp_path, files)
    assert found[:2] == (where, line), found
    assert nb in found[2] and en in found[3], found


def test_a_capital_suffix_gets_no_misleading_translation_advice(tmp_path):
    errors = findings(tmp_path, {"kontakt.EN.md": GOOD_PAGE_EN})
    assert not [e for e in errors if "kontakt.EN.en.md" in e.nb + e.en]


def test_the_suggested_link_works_from_the_page_itself(tmp_path):
    """A typo in a link from a subfolder suggests the path as written from there."""
    files = {"fokus/side.md": GOOD_PAGE + "\nLes om [medlemskap](bli-medlemm.md).\n", "fokus/side.en.md": GOOD_PAGE_EN,
             "bli-medlem.md": GOOD_PAGE, "bli-medlem.en.md": GOOD_PAGE_EN}
    _, _, nb, en = the_error(tmp_path, files)
    assert "Mente du «../bli-medlem.md»?" in nb, nb
    fixed = {**files, "fokus/side.md": GOOD_PAGE + "\nLes om [medlemskap](../bli-medlem.md).\n"}
    assert findings(tmp_path / "fixed", fixed) == []


def test_a_draft_field_is_part_of_the_post_contract(tmp_path):
    assert findings(tmp_path, {"nyheter/utkast.md": GOOD_POST.replace("date:", "draft: true\ndate:")}) == []
    _, line, nb, _ = the_error(tmp_path / "bad", {"nyheter/utkast.md": GOOD_POST.replace("date:", "draft: kanskje\ndate:")})
    assert line == 4 and "draft: true" in nb


# --- The build refuses what make check refuses, with the same words -----------------------

END_TO_END = [
    ("front matter not closed", "kontakt.md", "---\ntitle: Kontakt\ndescription: Slik kontakter du oss.\n\n# Kontakt\n"),
    (".markdown ending", "nyheter/julebord.markdown", GOOD_POST),
    ("hide: true", "kontakt.md", GOOD_PAGE.replace("description:", "hide: true\ndescription:")),
    ("capital EN", "kontakt.EN.md", GOOD_PAGE_EN),
]


@pytest.mark.parametrize(("name", "text"), [c[1:] for c in END_TO_END], ids=[c[0] for c in END_TO_END])
def test_make_check_and_the_build_stop_with_the_same_message(tmp_path, name, text):
    project = copy_project(tmp_path / "project")
    path = project / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
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
