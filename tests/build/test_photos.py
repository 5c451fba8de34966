"""Photos as staff upload them from a phone (the sample site, tests/sample/): the
readers get small, upright, sharp pictures, with no position or camera data,
on the post, the news page and the home page; the upload itself is never
published."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from cpc import audit, image_render, pictures
from sitetools.photos import CAMERA_MODEL
from support import ROOT, build_project
from support.site import DEFAULT, NEWS, OTHER, in_languages, news_address, root

POST = news_address(DEFAULT, "besok")
ENGLISH_POST = news_address(OTHER, "besok")
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".avif", ".heic"}


def soup_of(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_no_published_file_carries_location_or_camera_data(sample_site, phone):
    site, _, _ = sample_site
    published = [f for f in site.rglob("*") if f.suffix.lower() in IMAGE_SUFFIXES]
    assert len(published) > 10
    uploads = {phone.jpeg.read_bytes()} | ({phone.heic.read_bytes()} if phone.heic else set())
    for file in published:
        assert audit.strip_check(file) == [], file
        data = file.read_bytes()
        assert data not in uploads, f"{file} is the upload itself"
        assert CAMERA_MODEL.encode() not in data, file
        with Image.open(file) as opened:
            assert not opened.getexif(), file
    assert not list(site.rglob("besok-anlegg.jpg")) and not list(site.rglob("sortering.heic"))


def test_the_post_leads_with_a_responsive_picture_caption_and_credit(sample_site):
    site, _, _ = sample_site
    figure = soup_of(site, POST).select_one("figure.cpc-post__image")
    img = figure.select_one("picture img")
    assert [s["type"] for s in figure.select("picture source")] == ["image/avif"]
    assert img["alt"] == "Medlemmer ser på sorteringsbåndet"
    assert abs(int(img["width"]) * 4 - int(img["height"]) * 3) <= 4, "upright: portrait, as the phone held it"
    assert img["sizes"] == image_render.LEAD.sizes and img["fetchpriority"] == "high" and not img.get("loading")
    widths = [int(c.split()[1][:-1]) for c in img["srcset"].split(", ")]
    assert widths == sorted(widths) and max(widths) <= 1600
    for candidate in img["srcset"].split(", ") + [figure.select_one("source")["srcset"].split(", ")[0]]:
        assert (site / POST / candidate.split()[0]).resolve().is_file(), candidate
    caption = figure.select_one("figcaption").get_text(" ", strip=True)
    assert caption == "Sorteringsbåndet i full drift. Foto: Kari Nordmann"


def test_the_english_post_shows_the_same_picture_with_its_own_alt_text(sample_site):
    site, _, _ = sample_site
    img = soup_of(site, ENGLISH_POST).select_one("figure.cpc-post__image picture img")
    assert img["alt"] == "Members look at the sorting belt"
    norwegian = soup_of(site, POST).select_one("figure.cpc-post__image picture img")
    assert (site / ENGLISH_POST / img["src"]).resolve() == (site / POST / norwegian["src"]).resolve()
    caption = soup_of(site, ENGLISH_POST).select_one("figcaption")
    assert "Photo: Kari Nordmann" in caption.get_text()
    # It gives no caption of its own: the Norwegian one is marked as Norwegian.
    assert caption.select_one(f"span[lang={DEFAULT}]").get_text() == "Sorteringsbåndet i full drift."


def test_a_shared_post_shows_a_1200x630_crop(sample_site):
    site, _, _ = sample_site
    meta = {m["property"]: m["content"] for m in soup_of(site, POST).find_all("meta", property=True)}
    path = meta["og:image"].removeprefix("https://www.cpcluster.no/")
    with Image.open(site / path) as crop:
        assert crop.format == "JPEG" and crop.size == (1200, 630) == (int(meta["og:image:width"]), int(meta["og:image:height"]))


@pytest.mark.parametrize("path", [news_address(DEFAULT), root(DEFAULT), news_address(OTHER)])
def test_the_news_page_and_the_home_page_show_thumbnails(sample_site, path):
    site, _, _ = sample_site
    img = soup_of(site, path).select_one(".cpc-news__thumbnail img")
    assert img["loading"] == "lazy" and img["width"] and img["height"] and img["sizes"] == image_render.THUMBNAIL.sizes
    assert (site / path / img["src"]).resolve().is_file()


def test_a_heic_in_a_pages_text_becomes_a_picture(sample_site, phone):
    site, _, _ = sample_site
    if phone.heic is None:
        pytest.fail("pillow-heif could not write the HEIC fixture")
    for lang, alt in in_languages("Sorteringsanlegget", "The sorting plant").items():
        img = soup_of(site, f"{root(lang)}om-klyngen/").select_one(f'article picture img[alt="{alt}"]')
        assert img and img["loading"] == "lazy" and img["src"].endswith(".jpg")


def test_a_rebuild_encodes_nothing_again(sample_site, tmp_path, build_env):
    _, _, sample = sample_site
    project = sample.project
    cache = project / pictures.CACHE_DIR
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    assert before
    result = build_project(project, tmp_path / "site", **build_env)
    assert result.returncode == 0, result.stderr
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()} == before


def test_a_broken_photo_stops_check_and_build_at_its_line(sample, tmp_path):
    project = tmp_path / "project"
    subprocess.run(["cp", "-r", str(sample.project), str(project)], check=True)
    (project / "docs" / NEWS / "besok-anlegg.jpg").write_text("not a picture", encoding="utf-8")
    error = f"docs/{NEWS}/besok.md:5: FEIL / ERROR"  # the post's image: line
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_content.py"), "--root", str(project)],
                           capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": ""}, timeout=120)
    assert check.returncode == 1
    assert error in check.stdout, check.stdout
    assert "er ikke et bilde vi kan lese" in check.stdout
    build = build_project(project, tmp_path / "site")
    output = build.stdout + build.stderr
    assert build.returncode != 0 and error in output and "Traceback" not in output


def test_the_sample_passes_make_check(sample):
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_content.py"), "--root", str(sample.project)],
                           capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": ""}, timeout=120)
    assert check.returncode == 0 and "ingen feil" in check.stdout, check.stdout + check.stderr
