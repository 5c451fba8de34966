"""Photos as staff upload them from a phone (the sample site, tests/sample/): the
readers get small, upright, sharp pictures, with no position or camera data,
on the post, the news page and the home page; the upload itself is never
published."""
from __future__ import annotations


import pytest

from support import first_view, new_context, open_page
from support.site import DEFAULT, news_address

# The sample site is built once, by the one worker that runs these (pytest.ini: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("sample-site")

POST = news_address(DEFAULT, "besok")
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1366, "height": 768}, "device_scale_factor": 1}


def picture_on_screen(page) -> dict:
    """The chosen file's own pixel width (naturalWidth of a srcset image is
    corrected for density, so the file is decoded once more on its own)."""
    return page.evaluate("""async () => { const img = document.querySelector('.cpc-post__image img');
        const file = new Image(); file.src = img.currentSrc; await file.decode();
        return { natural: file.naturalWidth, shown: img.getBoundingClientRect().width, dpr: devicePixelRatio,
                 src: img.currentSrc }; }""")


@pytest.mark.parametrize(("screen", "budget"), [(PHONE, 240 * 1024), (DESKTOP, 240 * 1024)], ids=["phone", "desktop"])
def test_the_photo_post_is_light_and_sharp(browser, sample_site, screen, budget):
    site, url, _ = sample_site
    view = first_view(browser, url + POST, **screen)
    picture = [size for address, size in view["eager"] if ".avif" in address or ".jpg" in address]
    assert len(picture) == 1 and picture[0] <= 160 * 1024, view["eager"]
    assert view["bytes"] <= budget, f"{view['bytes']} bytes: {view['eager']}"
    context = new_context(browser, **screen)
    try:
        page = context.new_page()
        open_page(page, url + POST)
        shown = picture_on_screen(page)
    finally:
        context.close()
    assert shown["src"].endswith(".avif")
    assert shown["natural"] <= 1.6 * shown["shown"] * shown["dpr"], shown
    assert shown["natural"] >= min(shown["shown"] * shown["dpr"], 1600) * 0.9, shown
