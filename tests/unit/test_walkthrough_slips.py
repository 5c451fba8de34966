"""What a staff member following CONTRIBUTING.md literally got past `make
check` into a broken page, a lost text or a traceback (a walk-through in
issue 26's session). Each is now a message, Norwegian first, at its line, in
the rules the build shares; or it publishes as written."""
from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from PIL import Image

from cpc import datafile, image_inspect, news, places, rules
from support.site import LANGUAGES, NEWS, in_languages, source_name

PAGE = "---\ntitle: Om\ndescription: Møte om emballasje.\n---\n\n# Om\n\n{body}\n"
PAGE_EN = "---\ntitle: About\ndescription: About us.\n---\n\n# About\n\nText.\n"


def findings(tmp_path: Path, body: str = "Tekst.", files: dict | None = None, data: dict | None = None) -> list:
    docs = tmp_path / "docs"
    base = {source_name("om", lang): text for lang, text in in_languages(PAGE.format(body=body), PAGE_EN).items()}
    for rel, content in {**base, **(files or {})}.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    for rel, text in (data or {}).items():
        (tmp_path / "data").mkdir(exist_ok=True)
        (tmp_path / "data" / rel).write_text(text, encoding="utf-8")
    found, _, _ = rules.check(tmp_path, docs, LANGUAGES)
    return [(f.path.relative_to(tmp_path).as_posix(), f.line, f.nb) for f in found if f.level == "error"]


# Line 8 is the body's first line in PAGE.
@pytest.mark.parametrize("body, words", [
    ("<!-- cpc-contact-form topic=medlemskap -->", "«topic=medlemskap» kan ikke brukes"),
    ("<!-- cpc-kontaktskjema -->", "Markøren «cpc-kontaktskjema» finnes ikke"),
    ("Skriv til oss: <!-- cpc-contact-form -->", "må stå alene på sin egen linje"),
    ("<!-- FYLL INN: vilkårene for medlemskap.\n\nTekst.", "er aldri lukket"),
    ("<!-- FYLL INN: vilkårene –>\n\nTekst.\n\n<!-- cpc-people -->", "er ikke lukket der den skal"),
    ('<span style="color:#c00000">Viktig</span>', "style=…"),
    ("<center>Velkommen</center>", "<center>, som er utgått HTML"),
    ('<form action="https://nyhetsbrev.example/"><input name="e"></form>', "<form>-element"),
    ("[](kontakt.md)", "har ingen tekst"),
    ('<a href="kontakt.md">Kontakt</a>', "Skriv den som en Markdown-lenke: [Lenketekst](kontakt.md)"),
])
def test_a_page_slip_is_named_at_its_line(tmp_path, body, words):
    found = findings(tmp_path, body, files={"kontakt.md": PAGE.format(body="K."), "kontakt.en.md": PAGE_EN})
    assert any(rel == "docs/om.md" and line == 8 and words in nb for rel, line, nb in found), found


def test_markers_as_written_in_the_guide_pass(tmp_path):
    body = "<!-- cpc-contact-form topic=membership -->\n\n<!-- FYLL INN: en merknad -->\n\n<!-- cpc-people -->"
    assert findings(tmp_path, body) == []


def test_a_key_written_twice_is_named_not_silently_dropped(tmp_path):
    data = {"members.yml": "members:\n  - name: A\n    url: https://a.example\n    kind: member\n    logo: assets/a.svg\n"
                           "members: []\n"}
    found = findings(tmp_path, data=data)
    assert ("data/members.yml", 6, "«members:» står to ganger (linje 1 og 6), og bare den siste ville gjeldt, uten at "
            "du ser det. Slett den ene, eller slå dem sammen.") in found
    post = "---\ntitle: T\ndescription: D\ndate: 2026-01-05\ndate: 2027-01-05\n---\n\nTekst.\n"
    version, problems = news.check_post(post, f"docs/{NEWS}/x.md", "nb")
    assert version is None and (problems[0].line, "«date:» står to ganger") == (5, problems[0].nb[:22])


def test_windows_line_endings_read_as_written(tmp_path):
    crlf = PAGE.format(body="Tekst.").replace("\n", "\r\n").encode("utf-8")
    assert findings(tmp_path, files={"om.md": crlf}) == []


def test_a_time_without_a_date_is_shown_as_written():
    """YAML 1.1 would read 15:30 as the number 930; numbers are plain decimals here."""
    data = datafile.parse("end: 15:30\nnumber: 0123\nvalue: 27.5\nyear: 2030\n", "x.yml")
    assert dict(data) == {"end": "15:30", "number": "0123", "value": 27.5, "year": 2030}
    post = "---\ntitle: T\ndescription: D\ndate: 2026-01-05\nevent:\n  start: 2027-03-04 10:00\n  end: 15:30\n" \
           "  location: Oslo\n---\n\nTekst.\n"
    problems = news.check_post(post, f"docs/{NEWS}/x.md", "nb")[1]
    assert [(p.line, "«event.end: 15:30» er ikke et gyldig tidspunkt" in p.nb) for p in problems] == [(7, True)]


@pytest.mark.parametrize("entry, words", [
    ("    url: https://www.eksempel.no/om oss\n", "har mellomrom eller tegn som ikke kan stå i en nettadresse"),
    ("    url: https://www.eksempel.no\n    logo: docs/assets/a.svg\n", "uten «docs/» foran: logo: assets/a.svg"),
])
def test_a_member_slip_says_what_to_write(tmp_path, entry, words):
    text = "members:\n  - name: A\n    kind: member\n" + entry
    if "logo:" not in entry:
        text += "    logo: assets/a.svg\n"
    found = findings(tmp_path, files={"assets/a.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>'},
                     data={"members.yml": text})
    assert any(rel == "data/members.yml" and words in nb for rel, _, nb in found), found


@pytest.mark.parametrize("email", ["<kari@eksempel.no>", "mailto:kari@eksempel.no", "kari@eksempel"])
def test_an_email_address_must_be_only_the_address(tmp_path, email):
    text = f"people:\n  - name: Kari\n    role: {{nb: Leder, en: Head}}\n    email: '{email}'\n    phone: 40000000\n"
    found = findings(tmp_path, data={"people.yml": text})
    assert any(line == 4 and "ser ikke ut som en e-postadresse" in nb for _, line, nb in found), found
    # The phone number is echoed as written, in quotes.
    assert any(line == 5 and 'phone: "40000000"' in nb for _, line, nb in found), found


def test_a_role_with_a_comma_is_not_cut_short(tmp_path):
    text = "people:\n  - name: Kari\n    role: {nb: Rådgiver, innovasjon, en: Adviser, innovation}\n    email: k@e.no\n"
    found = findings(tmp_path, data={"people.yml": text})
    assert any(line == 3 and "Ukjent felt «role.innovasjon»" in nb for _, line, nb in found), found


def test_a_quoted_goal_value_is_told_to_lose_its_quotes():
    from cpc import fields, kinds
    problems = fields.check(kinds.POINT, datafile.parse("value: '27.5'\nyear: 2024\n", "g.yml"), fields.Context())[1]
    assert len(problems) == 1 and "Skriv tallet uten anførselstegn: 27.5" in problems[0].nb


def test_the_news_page_cannot_be_replaced_by_a_file(tmp_path):
    post = "---\ntitle: Nyheter\ndescription: D\n---\n\nTekst.\n"
    found = findings(tmp_path, files={f"{NEWS}/index.md": post, f"{NEWS}/index.en.md": post})
    assert any(rel == f"docs/{NEWS}/index.md" and "ville erstattet nyhetsoversikten" in nb for rel, _, nb in found)


def test_a_translation_is_told_which_event_time_differs():
    main = news.check_post("---\ntitle: T\ndescription: D\ndate: 2026-01-05\nevent:\n  start: 2027-03-04 10:00\n"
                           "  end: 2027-03-04 12:00\n  location: Oslo\n---\n\nTekst.\n", f"docs/{NEWS}/x.md", "nb")[0]
    other = news.check_post("---\ntitle: T\ndescription: D\ndate: 2026-01-05\nevent:\n  start: 2027-03-04 10:00\n"
                            "  end: 2027-03-04 13:00\n  location: Oslo\n---\n\nText.\n", f"docs/{NEWS}/x.en.md", "en")[0]
    problems = news.check_pair(main, other)
    assert len(problems) == 1 and problems[0].nb.endswith("Skriv end: 2027-03-04 12:00.")


def huge_jpeg(width: int, height: int) -> bytes:
    """A small JPEG whose header claims `width` × `height`: what the decoder's size guard sees."""
    out = io.BytesIO()
    Image.new("RGB", (16, 16), (120, 140, 90)).save(out, "JPEG")
    data = bytearray(out.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5:sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


@pytest.mark.parametrize("size", [(16320, 12240), (12000, 10500)])
def test_a_photo_too_large_to_open_is_a_message_not_a_traceback(tmp_path, size):
    post = ("---\ntitle: T\ndescription: D\ndate: 2026-01-05\nimage: stor.jpg\nimage_alt: Et bilde\n---\n\nTekst.\n")
    found = findings(tmp_path, files={f"{NEWS}/x.md": post, f"{NEWS}/stor.jpg": huge_jpeg(*size)})
    said = [nb for rel, _, nb in found if "er for stort" in nb]
    assert said and all("megapiksler" in nb for nb in said), found
    assert image_inspect.open_verified(tmp_path / "docs" / NEWS / "stor.jpg", "stor.jpg", 100)[1].kind == "too_large"


def test_a_108_megapixel_photo_opens_without_a_warning(recwarn):
    image = image_inspect.open_image(io.BytesIO(huge_jpeg(12000, 9000)))
    assert image.size == (12000, 9000)
    assert not [w for w in recwarn if "DecompressionBomb" in str(w.category)]


def test_counts_are_said_in_the_singular_when_one():
    assert rules.summary(1, 1, 1).startswith("1 feil og 1 advarsel på 1 side.")
    assert "1 error and 1 warning in 1 page." in rules.summary(1, 1, 1)


@pytest.mark.parametrize("text, line, words", [
    ("members:\n  - name: A\n\u00a0   kind: member\n", 3, "hardt mellomrom"),
    ("members:\n\t- name: A\n", 2, "rykket inn med tabulator"),
])
def test_invisible_characters_in_a_data_file_are_named(tmp_path, text, line, words):
    found = findings(tmp_path, data={"members.yml": text})
    assert any(rel == "data/members.yml" and at == line and words in nb for rel, at, nb in found), found


def test_a_non_breaking_space_after_the_colon_is_named(tmp_path):
    post = "---\ntitle: T\ndescription: D\ndate: 2026-01-05\nimage_credit:\u00a0Kari\n---\n\nTekst.\n"
    problems = news.check_post(post, f"docs/{NEWS}/x.md", "nb")[1]
    assert [(p.line, "hardt mellomrom" in p.nb) for p in problems] == [(5, True)]


def test_a_page_saved_by_notepad_as_text_is_told_its_name(tmp_path):
    found = findings(tmp_path, files={"julemote.md.txt": "Tekst."})
    assert any("Gi filen navnet «julemote.md»" in nb for _, _, nb in found), found


def test_a_translation_named_in_its_own_language_is_told_to_take_the_norwegian_name(tmp_path):
    page = "---\ntitle: Prosjekter\ndescription: Prosjektene.\n---\n\n# Prosjekter\n\nTekst.\n"
    found = findings(tmp_path, files={"prosjekter.md": page, "projects.en.md": PAGE_EN})
    about = [(rel, nb) for rel, _, nb in found if "prosjekt" in rel or "project" in rel]
    assert about == [("docs/projects.en.md", "Den engelske versjonen må ha samme filnavn som den norske, med .en foran "
                                             ".md: gi filen navnet docs/prosjekter.en.md. Adressen blir den samme på "
                                             "begge språk.")], found


# A second hunt, on the rules above: what still got past make check.
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'


@pytest.mark.parametrize("body, line, words", [
    ('<div class="boks">\n\nTekst.', 8, "HTML-elementet «<div>» lukkes aldri"),
    ('<div>\n<span>Viktig\n</div>', 9, "HTML-elementet «<span>» lukkes aldri"),
    ("Tekst.\n\n</strong>", 10, "«</strong>» lukker et HTML-element som ikke er åpnet"),
])
def test_hand_written_html_left_open_is_named(tmp_path, body, line, words):
    """An unclosed <div> showed the rest of the page as raw HTML and failed Nu in CI, after make check passed."""
    found = findings(tmp_path, body)
    assert [(rel, at) for rel, at, nb in found if words in nb] == [("docs/om.md", line)], found


@pytest.mark.parametrize("body, words", [
    ("- [ ] Gjør\n- [x] Gjort", "Sjekklister («- [ ]» og «- [x]»)"),
    ("[![](bilde.svg)](https://www.eksempel.no)", "mangler alternativ tekst"),
    ("<!-- cpc-people -->\n\n<!-- cpc-people -->", "står to ganger på siden (også på linje 8)"),
    ("[Ring oss](tel:+47 400 00 000)", "har mellomrom, som ikke kan stå i en e-post- eller telefonlenke"),
    ("[Kontakt](/kontakt.md)", "begynner med /, og en slik adresse virker ikke"),
    ('<img src="bilde.svg" alt="Logo">', "HTML-adressen «bilde.svg» blir ikke gjort om"),
    ('<a href="rapport.pdf">Rapporten</a>', "HTML-adressen «rapport.pdf» blir ikke gjort om"),
    ('Avsnitt.\n{ style="color:red" }', "Siden har HTML med «style=…»"),
    ('[Lenke](kontakt.md){ onclick="alert(1)" }', "(onclick=…)"),
    ("| | |\n|---|---|\n| 1 | 2 |", "Tabellen har en tom overskriftsrad"),
    ("##\n\nTekst.", "Overskriften har ingen tekst"),
])
def test_a_second_hunts_slip_is_named(tmp_path, body, words):
    found = findings(tmp_path, body, files={"kontakt.md": PAGE.format(body="K."), "kontakt.en.md": PAGE_EN,
                                            "bilde.svg": SVG, "rapport.pdf": b"%PDF-1.4\n"})
    assert any(rel == "docs/om.md" and words in nb for rel, _, nb in found), found


@pytest.mark.parametrize("body", [
    "Tekst.\n\n<!-- -->\n\n<!---->",
    "```html\n<!-- et eksempel som ikke lukkes\n```",
    "[Ring oss](tel:+4740000000) eller [skriv](mailto:post@eksempel.no).",
    # HTML whose end tags are all there, or implied (<p>, <li>), and autolinks.
    '<details markdown="1">\n<summary>Mer</summary>\n\nTekst.\n\n</details>',
    "<ul><li>En<li>To</ul>\n\n<p>Avsnitt<br>linje",
    "Skriv til <post@eksempel.no> eller se <https://www.eksempel.no>.",
    "`<div>` i en kodebit, og\n\n```html\n<div>\n```",
])
def test_what_publishes_cleanly_passes(tmp_path, body):
    assert findings(tmp_path, body) == []


def test_a_link_to_a_post_readers_cannot_see_yet_is_named(tmp_path):
    later = "---\ntitle: Senere\ndescription: D\ndate: 2999-01-01\n---\n\nTekst.\n"
    draft = "---\ntitle: Utkast\ndescription: D\ndate: 2026-01-05\ndraft: true\n---\n\nTekst.\n"
    found = findings(tmp_path, "[den nye](nyheter/senere.md) og [utkastet](nyheter/utkast.md)",
                     files={f"{NEWS}/senere.md": later, f"{NEWS}/utkast.md": draft})
    said = [nb for rel, _, nb in found if rel == "docs/om.md"]
    assert any("publiseres først 2999-01-01" in nb for nb in said) and any("er et utkast" in nb for nb in said), found


@pytest.mark.parametrize("name", ["admin", "en", NEWS])
def test_a_page_at_an_address_the_site_makes_itself_is_named(tmp_path, name):
    found = findings(tmp_path, files={f"{name}.md": PAGE.format(body="T."), f"{name}.en.md": PAGE_EN})
    assert any(rel == f"docs/{name}.md" and "har nettstedet selv" in nb for rel, _, nb in found), found


def test_a_logo_file_name_with_spaces_is_named(tmp_path):
    text = "members:\n  - name: A\n    url: https://a.example\n    kind: member\n    logo: 'assets/A logo.svg'\n"
    found = findings(tmp_path, files={"assets/A logo.svg": SVG}, data={"members.yml": text})
    assert any(line == 5 and "filnavnet har mellomrom" in nb for _, line, nb in found), found


def test_a_contact_form_in_a_news_post_is_named(tmp_path):
    post = "---\ntitle: T\ndescription: D\ndate: 2026-01-05\n---\n\n<!-- cpc-contact-form -->\n"
    found = findings(tmp_path, files={f"{NEWS}/x.md": post})
    assert any("En nyhet kan ikke ha kontaktskjemaet" in nb for _, _, nb in found), found


def test_strip_photos_says_what_to_do_with_a_photo_too_large_to_open(tmp_path):
    import subprocess
    import sys
    from support import ROOT
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "stor.jpg").write_bytes(huge_jpeg(16320, 12240))
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "strip_photos.py"), "--docs", str(docs)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert "er for stort" in run.stdout and "0 bilder renset" in run.stdout, run.stdout


def test_a_page_the_menu_or_the_footer_links_to_cannot_be_deleted_unseen(tmp_path):
    """A deleted menu page stopped only the build, in MkDocs's English; a
    deleted footer page (the accessibility statement) passed both and left a
    dead link on every page. Whole-site checks name both."""
    docs = tmp_path / "docs"
    present = {f"{slug}.md" for slug in places.PAGES.values()} - {f"{places.PAGES['accessibility']}.md"}
    for rel in present | {"om.md"}:
        for lang in in_languages(rel, rel):
            path = docs / source_name(rel[:-3], lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(PAGE_EN if lang != LANGUAGES.default else PAGE.format(body="Tekst."), encoding="utf-8")
    nav = ["om.md", {"Fokus": ["fokus/borte.md", "https://example.org/"]}]
    found, _, _ = rules.check(tmp_path, docs, LANGUAGES, nav=nav)
    errors = {f.path.relative_to(tmp_path).as_posix(): f.nb for f in found if f.level == "error"}
    assert set(errors) == {"docs/fokus/borte.md", f"docs/{places.PAGES['accessibility']}.md"}, errors
    assert errors["docs/fokus/borte.md"].startswith("Menyen lenker til docs/fokus/borte.md, men siden finnes ikke")
    assert "bunnteksten" in errors[f"docs/{places.PAGES['accessibility']}.md"]
    # Checks of a folder alone (no menu given) leave the site's pages be.
    assert [f for f in rules.check(tmp_path, docs, LANGUAGES)[0] if f.level == "error"] == []


def test_a_page_no_menu_or_page_leads_to_is_a_warning(tmp_path):
    """A new page outside the menu published, but readers could reach it only through search."""
    docs = tmp_path / "docs"
    stems = {*places.PAGES.values(), "om", "lenket", "ekstra"}
    bodies = {"om": "Se [siden](lenket.md)."}
    for stem in stems:
        for lang in in_languages(stem, stem):
            path = docs / source_name(stem, lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            text = PAGE.format(body=bodies.get(stem, "Tekst.")) if lang == LANGUAGES.default else PAGE_EN
            path.write_text(text, encoding="utf-8")
    found, _, _ = rules.check(tmp_path, docs, LANGUAGES, nav=["om.md"])
    assert [(f.level, f.path.relative_to(tmp_path).as_posix(), f.line) for f in found] == [
        ("warning", "docs/ekstra.md", 1)], found
    assert found[0].nb.startswith("Ingen side lenker hit, og siden står ikke i menyen")
