"""Slips from issue 25: each publishes right, or gets a message Norwegian
first at file and line from the rules `make check` and the build share."""
from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest

from cpc import datafile, directory, news, rules
from sitetools.photos import tiled_upright_photo
from support.site import LANGUAGES, NEWS, in_languages, source_name

PAGE = "---\ntitle: Om\ndescription: Møte om emballasje.\n---\n\n# Om\n\nTekst.\n"
PAGE_EN = "---\ntitle: About\ndescription: About us.\n---\n\n# About\n\nText.\n"
POST = "---\ntitle: Årsmøte\ndescription: Møtet.\ndate: 2026-01-05\n{extra}---\n\nTekst.\n"


def errors(tmp_path: Path, files: dict, data: dict | None = None) -> list[tuple]:
    docs = tmp_path / "docs"
    base = {source_name("om", lang): text for lang, text in in_languages(PAGE, PAGE_EN).items()}
    for rel, content in {**base, **files}.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    for rel, text in (data or {}).items():
        (tmp_path / "data").mkdir(exist_ok=True)
        (tmp_path / "data" / rel).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    found, _, _ = rules.check(tmp_path, docs, LANGUAGES)
    return [(f.path.relative_to(tmp_path).as_posix(), f.line, f.nb, f.en) for f in found if f.level == "error"]


def photo(size=(900, 600)) -> bytes:
    out = io.BytesIO()
    tiled_upright_photo(size).save(out, "JPEG", quality=80)
    return out.getvalue()


# ------------------------------------------------------------- encodings

@pytest.mark.parametrize("encoding, line, found", [("latin-1", 3, "Windows-1252"), ("cp1252", 3, "Windows-1252"),
                                                   ("utf-16", 1, "UTF-16")])
def test_a_page_not_saved_as_utf8_gets_a_message_not_a_traceback(tmp_path, encoding, line, found):
    (where, at, nb, en), *_ = errors(tmp_path, {"om.md": PAGE.encode(encoding)})
    assert (where, at) == ("docs/om.md", line)
    assert "ikke lagret som UTF-8" in nb and found in nb and "not saved as UTF-8" in en


def test_a_byte_order_mark_is_accepted(tmp_path):
    assert errors(tmp_path, {"om.md": PAGE.encode("utf-8-sig"), f"{NEWS}/arsmote.md": POST.format(extra="")
                             .encode("utf-8-sig")}) == []


def test_a_data_file_not_saved_as_utf8_gets_a_message(tmp_path):
    members = "members:\n  - name: Møller AS\n    url: https://moller.example\n    kind: member\n    logo: x.svg\n"
    (where, line, nb, en), *_ = errors(tmp_path, {}, {"members.yml": members.encode("latin-1")})
    assert (where, line) == ("data/members.yml", 2) and "UTF-8" in nb and "UTF-8" in en


# ------------------------------------------------------------- news

def test_a_post_named_like_an_archive_year_is_refused(tmp_path):
    found = errors(tmp_path, {f"{NEWS}/2026.md": POST.format(extra="")})
    assert found and found[0][:2] == (f"docs/{NEWS}/2026.md", 1)
    assert "nyhetsarkivet for året 2026" in found[0][2] and "arsmote-2026.md" in found[0][3]


@pytest.mark.parametrize("written", ["../assets/images/anlegg.jpg", "/assets/images/anlegg.jpg"])
def test_a_post_image_from_another_folder_is_found(tmp_path, written):
    files = {"assets/images/anlegg.jpg": photo(), f"{NEWS}/besok.md": POST.format(extra=f"image: {written}\nimage_alt: A\n")}
    assert errors(tmp_path, files) == []
    version, problems = news.check_post(files[f"{NEWS}/besok.md"], f"docs/{NEWS}/besok.md", "nb", tmp_path / "docs")
    assert problems == [] and version.image == "assets/images/anlegg.jpg"


def test_a_name_from_a_mac_is_found(tmp_path):
    decomposed = unicodedata.normalize("NFD", "bilde-på-tur.jpg")
    files = {f"{NEWS}/{decomposed}": photo(),
             f"{NEWS}/tur.md": POST.format(extra="image: bilde-på-tur.jpg\nimage_alt: A\n"),
             "om.md": PAGE + "\n![Tur](nyheter/bilde-på-tur.jpg)\n\n[Last ned](nyheter/bilde-på-tur.jpg)\n"}
    assert errors(tmp_path, files) == []


# ------------------------------------------------------------- files

def test_a_case_clash_suggests_a_free_name(tmp_path):
    found = errors(tmp_path, {"assets/Foto.jpg": photo(), "assets/foto.jpg": photo(), "assets/foto-2.jpg": photo()})
    assert [(where, line) for where, line, _, _ in found] == [("docs/assets/foto.jpg", 1)]
    assert "«foto-3.jpg»" in found[0][2] and "\"foto-3.jpg\"" in found[0][3] and "«Foto.jpg»" in found[0][2]


# ------------------------------------------------------------- directory

PERSON = "people:\n  - name: Kari\n    role: {{nb: Leder, en: Head}}\n    email: kari@example.com\n    phone: {phone}\n"


@pytest.mark.parametrize("written, kept", [("+4791234567", "+4791234567"), ('"+47 912 34 567"', "+47 912 34 567")])
def test_a_phone_number_keeps_its_plus(tmp_path, written, kept):
    people, problems = directory.check_people(_yaml(PERSON.format(phone=written)), tmp_path, "data/people.yml", ("nb", "en"))
    assert problems == [] and people[0].phone == kept


def test_a_phone_number_that_yaml_reads_as_a_number_is_refused(tmp_path):
    _, problems = directory.check_people(_yaml(PERSON.format(phone="91234567")), tmp_path, "data/people.yml", ("nb", "en"))
    assert [p.line for p in problems] == [5] and "anførselstegn" in problems[0].nb and "quotes" in problems[0].en


def test_a_member_listed_twice_is_refused(tmp_path):
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    entry = "  - name: {name}\n    url: https://a.example\n    kind: member\n    logo: logo.svg\n"
    text = "members:\n" + entry.format(name="Møller AS") + entry.format(name="Bring") + entry.format(name="møller as")
    members, problems = directory.check_members(_yaml(text), tmp_path, "data/members.yml")
    assert [p.line for p in problems] == [10]
    assert "står to ganger" in problems[0].nb and "linje 2" in problems[0].nb and "listed twice" in problems[0].en


def _yaml(text: str):
    return datafile.parse(text, "data/x.yml")


def test_a_photo_named_with_spaces_is_checked_where_it_is_used(tmp_path):
    files = {"assets/images/fra mobilen.jpg": b"ikke et bilde",
             "om.md": PAGE + "\n![Fra mobilen](assets/images/fra mobilen.jpg)\n"}
    found = errors(tmp_path, files)
    assert found and found[0][:2] == ("docs/om.md", 10) and "fra mobilen.jpg" in found[0][2]
    assert "ikke et bilde vi kan lese" in found[0][2]
