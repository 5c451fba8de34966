"""Pictures are found where pages use them (issue 25): however staff wrote a
picture or a link to one, readers get a clean rendition, and no upload a
page uses is deleted from under it. One build of a project where a page
uses photos in every form the content editor or a hand-written page gives,
saved with a byte order mark, beside a post whose image is given from
another folder under a Mac's name, and a contact whose phone number is
written without quotes."""
from __future__ import annotations

import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from cpc import audit
from support import build_project, copy_project
from support.media_files import phone_jpeg_bytes
from support.sample import clear_content
from support.site import DEFAULT, LOCALES, NEWS, in_languages, news_address, root, slug, source_name

PAGE = "om-klyngen"
FOLDER = "assets/images"
# name on disk -> how the Norwegian page uses it (the English page the same, in English)
FORMS = {
    "raw.jpg": '<img src="assets/images/raw.jpg" alt="{alt}">',
    "referanse.jpg": "![{alt}][bilde]\n\n[bilde]: assets/images/referanse.jpg",
    "absolutt.jpg": "![{alt}](/assets/images/absolutt.jpg)",
    "med mellomrom.jpg": "![{alt}](assets/images/med mellomrom.jpg)",
    "picture.jpg": '<picture><source srcset="assets/images/picture.jpg"><img src="assets/images/picture.jpg" alt="{alt}">'
                   "</picture>",
    unicodedata.normalize("NFD", "på-tur.jpg"): "![{alt}](assets/images/på-tur.jpg)",
}
LINKED = "pressebilde.jpg"
POST_IMAGE = unicodedata.normalize("NFD", "årsmøte.jpg")
PHONE = "+4791234567"
VIDEO = "https://www.youtube.com/watch?v=abc123"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("uses") / "project")
    clear_content(project)  # as the site ships: only this test's pictures on its pages
    images = project / "docs" / FOLDER
    for name in [*FORMS, LINKED]:
        (images / name).write_bytes(phone_jpeg_bytes((900, 600)))
    for lang, word in in_languages("Bilde", "Picture").items():
        page = project / "docs" / source_name(PAGE, lang)
        uses = [form.format(alt=f"{word} {n}") for n, form in enumerate(FORMS.values())]
        uses.append(f"[{word}: last ned]({FOLDER}/{LINKED})")
        uses.append(f"[{word}: video]({VIDEO})")
        page.write_text(page.read_text(encoding="utf-8") + "\n" + "\n\n".join(uses) + "\n", encoding="utf-8-sig")
    (images / POST_IMAGE).write_bytes(phone_jpeg_bytes((900, 600)))
    (project / "docs" / NEWS).mkdir(exist_ok=True)
    (project / "docs" / NEWS / "arsmote.md").write_text(
        "---\ntitle: Årsmøtet\ndescription: Et møte.\ndate: 2026-01-05\nimage: ../assets/images/årsmøte.jpg\n"
        "image_alt: Salen\n---\n\nTekst.\n", encoding="utf-8")
    (project / "data" / "people.yml").write_text(
        f"people:\n  - name: Kari\n    role: {{nb: Leder, en: Head}}\n    email: kari@example.com\n    phone: {PHONE}\n",
        encoding="utf-8")
    dest = tmp_path_factory.mktemp("uses-site")
    result = build_project(project, dest)
    assert result.returncode == 0, result.stdout + result.stderr
    return dest


def article(site: Path, lang: str):
    address = f"{root(lang)}{PAGE}/"
    return address, BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("article")


@pytest.mark.parametrize("lang", LOCALES)
def test_every_form_of_picture_becomes_a_clean_responsive_picture(site, lang):
    address, body = article(site, lang)
    word = in_languages("Bilde", "Picture")[lang]
    for n in range(len(FORMS)):
        img = body.select_one(f'img[alt="{word} {n}"]')
        assert img is not None, n
        assert img.parent.name == "picture" and "cpc-picture" in img.parent["class"], img.parent
        assert img["loading"] == "lazy" and img["width"] and img["height"]
        for candidate in [img["src"]] + [c.split()[0] for c in img["srcset"].split(",")]:
            published = (site / address / unquote(candidate)).resolve()
            assert published.is_file(), candidate
            assert audit.findings(published) == [], published
    assert len(body.select("picture")) == len(FORMS), "one picture each, the raw <picture> replaced"


@pytest.mark.parametrize("lang", LOCALES)
def test_a_link_to_a_photo_leads_to_its_clean_rendition(site, lang):
    address, body = article(site, lang)
    link = next(a for a in body.select("a") if "last ned" in a.get_text())
    target = (site / address / unquote(link["href"])).resolve()
    assert target.is_file() and target.name != LINKED
    with Image.open(target) as image:
        assert image.format == "JPEG" and image.size == (600, 900)  # the whole photo, upright (EXIF orientation 6)
    assert audit.findings(target) == []


def test_no_upload_is_published_and_no_page_points_at_one(site):
    names = {unicodedata.normalize("NFC", n) for n in [*FORMS, LINKED]}
    published = {unicodedata.normalize("NFC", p.name) for p in site.rglob("*")}
    assert not names & published
    for html in site.rglob("*.html"):
        text = unquote(html.read_text(encoding="utf-8"))
        assert not any(f"/{name}" in unicodedata.normalize("NFC", text) for name in names), html


@pytest.mark.parametrize("lang", LOCALES)
def test_a_video_link_becomes_a_card_naming_its_host(site, lang):
    _, body = article(site, lang)
    card = body.select_one(".cpc-video")
    assert card is not None and not body.select("iframe, video, embed, object")
    link = card.select_one("a")
    assert link["href"] == VIDEO and link.get_text() == f"{in_languages('Bilde', 'Picture')[lang]}: video"
    assert "YouTube (youtube.com)" in card.get_text()


def test_a_post_image_from_another_folder_under_a_macs_name_is_shown(site):
    address = news_address(DEFAULT, "arsmote")
    img = BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(
        "figure.cpc-post__image picture img")
    assert img is not None and img["alt"] == "Salen" and (site / address / img["src"]).resolve().is_file()


def test_a_phone_number_without_quotes_keeps_its_plus(site):
    contact = BeautifulSoup((site / slug("contact") / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert contact.select_one(f'a[href="tel:{PHONE}"]').get_text() == PHONE
