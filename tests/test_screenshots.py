"""Every page kind fits the screen, 390 and 1366 px wide, in both languages,
on the site with fixture news, events and photos (conftest.photo_site).

`make screenshots` also writes each one, in both colour schemes, to
test-output/screenshots/ (not committed), for people to look at."""
from __future__ import annotations

import os

import pytest

from support import ROOT, new_context, open_page, switch_scheme

# The photo site is built once, by the one worker that runs these (pytest.ini: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("photo-site")

OUTPUT = ROOT / "test-output" / "screenshots"
# Set by `make screenshots`.
WRITE_SCREENSHOTS = os.environ.get("CPC_SCREENSHOTS") == "1"
KINDS = {  # page kind -> its path in the default language and in English
    "home": ("", "en/"),
    "page": ("om-klyngen/", "en/om-klyngen/"),
    "focus-area": ("fokusomrader/resirkulering/", "en/fokusomrader/resirkulering/"),
    "contact": ("kontakt/", "en/kontakt/"),
    "news": ("nyheter/", "en/nyheter/"),
    "post": ("nyheter/besok/", "en/nyheter/besok/"),
    "event": ("nyheter/workshop/", "en/nyheter/workshop/"),
    "404": ("finnes-ikke/", "en/does-not-exist/"),
}
WIDTHS = {"phone": ({"width": 390, "height": 844}, 3), "desktop": ({"width": 1366, "height": 768}, 1)}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", KINDS)
def test_each_page_kind_fits_the_screen(browser, photo_site, kind, width):
    _, url, _ = photo_site
    viewport, scale = WIDTHS[width]
    context = new_context(browser, viewport=viewport, device_scale_factor=1, is_mobile=width == "phone")
    try:
        page = context.new_page()
        for lang, path in zip(("nb", "en"), KINDS[kind]):
            open_page(page, url + path)
            overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
            assert overflow <= 0, f"{path} at {width}: {overflow} px wider than the screen"
            if WRITE_SCREENSHOTS:
                OUTPUT.mkdir(parents=True, exist_ok=True)
                for scheme in ("default", "slate"):
                    switch_scheme(page, scheme)
                    page.screenshot(path=OUTPUT / f"{kind}-{lang}-{width}-{scheme}.png", full_page=True)
    finally:
        context.close()
