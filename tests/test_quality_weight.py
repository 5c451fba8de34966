"""Gate 7: the first view of every page is light, counted in the browser.

At most 100 KiB cross the wire (compressed, headers included) in at most 12
requests, from a cold cache. The search index, its worker and the worker's
lunr files may load after that and are reported apart."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from support import built_pages, new_context, open_page

MAX_BYTES = 100 * 1024
MAX_REQUESTS = 12
LAZY = ("/search/search_index.json", "/assets/javascripts/workers/", "/assets/javascripts/lunr/")
IMAGE_FORMATS = (".svg", ".webp", ".avif")


def first_view(browser, url: str) -> dict:
    """Load `url` in a fresh context; return the CDP-counted network traffic."""
    context = new_context(browser)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        urls, sizes = {}, {}
        cdp.on("Network.requestWillBeSent", lambda event: urls.setdefault(event["requestId"], event["request"]["url"]))
        cdp.on("Network.loadingFinished", lambda event: sizes.__setitem__(event["requestId"], event["encodedDataLength"]))
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        open_page(page, url)
        requests = [(urls[rid], sizes.get(rid, 0)) for rid in urls if not urls[rid].startswith("data:")]
    finally:
        context.close()
    eager = [(u, size) for u, size in requests if not any(part in u for part in LAZY)]
    lazy = [(u, size) for u, size in requests if any(part in u for part in LAZY)]
    return {"eager": eager, "lazy": lazy, "bytes": sum(size for _, size in eager), "lazy_bytes": sum(size for _, size in lazy)}


def test_first_view_of_every_page_within_budget(browser, site_dir, site_url):
    problems, report = [], []
    for path in built_pages(site_dir):
        view = first_view(browser, site_url + path)
        assert view["eager"] and view["bytes"] > 1000, f"{path}: nothing measured"
        report.append(f"{path or '/'}: {view['bytes'] / 1024:.1f} KiB in {len(view['eager'])} requests (+ search {view['lazy_bytes'] / 1024:.1f} KiB in {len(view['lazy'])})")
        if view["bytes"] > MAX_BYTES or len(view["eager"]) > MAX_REQUESTS:
            listing = ", ".join(f"{u.removeprefix(site_url)} {size}" for u, size in view["eager"])
            problems.append(f"{path}: {view['bytes']} bytes in {len(view['eager'])} requests: {listing}")
    print("\n".join(report))
    assert not problems, "over budget (100 KiB, 12 requests):\n" + "\n".join(problems)


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
    """The home page's stylesheets and script are all counted."""
    view = first_view(browser, site_url + path)
    counted = " ".join(u for u, _ in view["eager"])
    assert ".css" in counted and "bundle." in counted and all(size > 0 for _, size in view["eager"])
    assert any("search_index.json" in u for u, _ in view["lazy"])
