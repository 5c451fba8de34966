"""Gate: the first view of every page is light, counted in the browser.

At most 80 KiB cross the wire (compressed, headers included) in at most 8
requests, from a cold cache, until the network is idle. Search loads nothing
until the reader asks for it, so nothing of it may appear here."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from support import PAGES, first_view, page_id

MAX_BYTES = 80 * 1024
MAX_REQUESTS = 8
IMAGE_FORMATS = (".svg", ".webp", ".avif")


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_first_view_within_budget(browser, site_url, path):
    view = first_view(browser, site_url + path)
    assert view["eager"] and view["bytes"] > 1000, "nothing measured"
    listing = ", ".join(f"{u.removeprefix(site_url)} {size}" for u, size in view["eager"])
    assert view["bytes"] <= MAX_BYTES and len(view["eager"]) <= MAX_REQUESTS, (
        f"{view['bytes']} bytes in {len(view['eager'])} requests (budget 80 KiB, 8): {listing}")
    assert not [u for u, _ in view["eager"] if "/pagefind/" in u], "search loaded before intent"


def test_images_are_svg_or_modern_formats_with_dimensions(site_dir):
    problems, images = [], 0
    for file in sorted(site_dir.rglob("*.html")):
        for img in BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").find_all("img"):
            images += 1
            src = img.get("src", "").split("?")[0].lower()
            if src.startswith("data:"):
                continue
            if not src.endswith(IMAGE_FORMATS):
                problems.append(f"{file.relative_to(site_dir)}: {src} is not SVG, WebP or AVIF")
            elif not src.endswith(".svg") and not (img.get("width") and img.get("height")):
                problems.append(f"{file.relative_to(site_dir)}: {src} has no width and height")
    assert images, "no <img> found at all (the header logo should be one)"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", ["", "en/"])
def test_the_budget_counter_counts_everything(browser, site_url, path):
    """The home page's scripts and images are all counted; its CSS is in the page."""
    view = first_view(browser, site_url + path)
    counted = " ".join(u for u, _ in view["eager"])
    assert "bundle." in counted and "cpc-site.js" in counted and ".svg" in counted
    assert ".css" not in counted
    assert all(size > 0 for _, size in view["eager"])
