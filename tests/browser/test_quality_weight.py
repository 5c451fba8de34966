"""Gate: images come in modern formats with their dimensions, and the
budget counter of test_quality_pages.py (every page's first view within
80 KiB and 8 requests) counts everything the page loads."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support import first_view
from support.site import HOMES

IMAGE_FORMATS = (".svg", ".webp", ".avif")


def image_problems(site_dir: Path) -> tuple[int, list[str]]:
    """(images seen, problems): every <img> is SVG, WebP or AVIF, or the
    JPEG fallback of a <picture> that offers AVIF first; rasters have their
    width and height."""
    problems, images = [], 0
    for file in sorted(site_dir.rglob("*.html")):
        for img in BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").find_all("img"):
            images += 1
            src = img.get("src", "").split("?")[0].lower()
            picture = img.find_parent("picture")
            modern_first = picture and any(s.get("type") in ("image/avif", "image/webp") for s in picture.find_all("source"))
            if src.startswith("data:"):
                continue
            if not src.endswith(IMAGE_FORMATS) and not modern_first:
                problems.append(f"{file.relative_to(site_dir)}: {src} is not SVG, WebP or AVIF")
            elif not src.endswith(".svg") and not (img.get("width") and img.get("height")):
                problems.append(f"{file.relative_to(site_dir)}: {src} has no width and height")
    return images, problems


def test_images_are_svg_or_modern_formats_with_dimensions(site_dir):
    images, problems = image_problems(site_dir)
    assert images, "no <img> found at all (the header logo should be one)"
    assert not problems, "\n".join(problems)


@pytest.mark.xdist_group("sample-site")
def test_sample_photos_and_logos_are_modern_formats_with_dimensions(sample_site):
    site_dir, _, _ = sample_site
    images, problems = image_problems(site_dir)
    assert images and not problems, "\n".join(problems)
    assert any(p.suffix == ".avif" for p in site_dir.rglob("*.avif")), "the sample's photos were not rendered"


@pytest.mark.parametrize("path", HOMES)
def test_the_budget_counter_counts_everything(browser, site_url, path):
    """The home page's scripts and images are all counted; its CSS is in the page."""
    view = first_view(browser, site_url + path)
    counted = " ".join(u for u, _ in view["eager"])
    assert "bundle." in counted and "cpc-site.js" in counted and ".svg" in counted
    assert ".css" not in counted
    assert all(size > 0 for _, size in view["eager"])
