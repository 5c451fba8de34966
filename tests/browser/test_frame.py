"""One page frame, measured in Chromium on the sample site (issue 27):
every page kind's title on one edge at one height, text at a reading
measure, news within a phone's first two screens, a phone header that
centres the site name beside the logo, and marks in the dark scheme that
stand out from the page."""
from __future__ import annotations

import pytest

from support import new_context, open_page, switch_scheme
from support.site import DEFAULT, LOCALES, OTHER, address, news_address, root, ui

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
# How far apart two titles may stand, and the longest line of text.
TOLERANCE_PX = 4
MAX_CHARACTERS_PER_LINE = 85


def page_kinds(lang: str, sample) -> list[str]:
    """One page of every kind: home, plain pages, a section index, the news,
    every post of the language (with and without a picture, events), the 404 page."""
    posts = [news_address(lang, stem) for stem, versions in sample.posts.items() if lang in versions]
    return [root(lang), address("goals", lang), address("membership", lang), address("privacy", lang),
            address("contact", lang), address("focus_areas", lang), news_address(lang), *posts,
            root(lang) + "cpc-no-such-page/"]


# The visible title's box, and the most characters on any full line of text
# in the page's own content (the last line of a paragraph is not full).
MEASURE = """() => {
  const title = [...document.querySelectorAll('.cpc-hero h1, .md-content h1')].find(h => h.offsetParent !== null);
  const box = title.getBoundingClientRect();
  let longest = 0;
  for (const block of document.querySelectorAll('.md-content .md-typeset p, .md-content .md-typeset li')) {
    if (block.offsetParent === null || block.querySelector('p, li')) continue;
    const lines = new Map();
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (rect) lines.set(Math.round(rect.top / 4), (lines.get(Math.round(rect.top / 4)) || 0) + 1);
      }
    }
    const counts = [...lines.values()].slice(0, -1);
    if (counts.length) longest = Math.max(longest, ...counts);
  }
  return {left: box.left, top: box.top, longest};
}"""


@pytest.fixture
def desktop(browser):
    context = new_context(browser, viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", LOCALES)
def test_every_page_kind_shares_one_frame(desktop, sample_site, lang):
    _, url, sample = sample_site
    measured = {}
    for path in page_kinds(lang, sample):
        open_page(desktop, url + path)
        measured[path] = desktop.evaluate(MEASURE)
    lefts = [m["left"] for m in measured.values()]
    tops = [m["top"] for m in measured.values()]
    assert max(lefts) - min(lefts) <= TOLERANCE_PX, measured
    assert max(tops) - min(tops) <= TOLERANCE_PX, measured
    # The tabs start on the same edge.
    open_page(desktop, url + root(lang))
    tabs = desktop.locator(".md-tabs__link").first.bounding_box()
    assert abs(tabs["x"] - lefts[0]) <= TOLERANCE_PX
    too_long = {path: m["longest"] for path, m in measured.items() if m["longest"] > MAX_CHARACTERS_PER_LINE}
    assert not too_long
    assert any(m["longest"] > 40 for m in measured.values()), measured  # the measure was taken at all


@pytest.mark.parametrize("lang", LOCALES)
def test_news_starts_within_a_phones_first_two_screens(browser, sample_site, lang):
    _, url, _ = sample_site
    context = new_context(browser, viewport=PHONE)
    try:
        page = context.new_page()
        open_page(page, url + root(lang))
        top = page.evaluate("() => document.getElementById('cpc-home-news-heading').getBoundingClientRect().top + scrollY")
        assert top < 2 * PHONE["height"]
        # The phone header: the logo shows, the site name sits in the middle of the bar.
        header = page.locator(".md-header").bounding_box()
        name = page.locator(".md-header__topic").first.locator(".md-ellipsis").bounding_box()
        assert page.locator(".md-header .md-logo").is_visible()
        above, below = name["y"] - header["y"], header["y"] + header["height"] - name["y"] - name["height"]
        assert above > 2 and abs(above - below) <= 2, (above, below)
        # The language button names the page's language; the page is no wider than the screen.
        assert page.locator(".cpc-lang__name").inner_text() == ui("language_name", lang)
        assert page.locator(f'a.md-select__link[hreflang="{lang}"]').get_attribute("aria-current") == "true"
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()


# Contrast of an element's background (or top border) with the page, by WCAG's formula.
CONTRASTS = """selectors => {
  const luminance = (color) => {
    const [r, g, b] = color.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const page = luminance(getComputedStyle(document.body).backgroundColor);
  const out = {};
  for (const [selector, property] of selectors) {
    const element = document.querySelector(selector);
    if (!element) { out[selector] = null; continue; }
    const mark = luminance(getComputedStyle(element)[property]);
    out[selector] = (Math.max(mark, page) + 0.05) / (Math.min(mark, page) + 0.05);
  }
  return out;
}"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_marks_stand_out_from_the_page_in_both_schemes(desktop, sample_site, scheme):
    _, url, _ = sample_site
    open_page(desktop, url + root(DEFAULT))
    switch_scheme(desktop, scheme)
    found = desktop.evaluate(CONTRASTS, [[".cpc-date-tile", "backgroundColor"],
                                         [".cpc-date-tile--post", "backgroundColor"],
                                         [".cpc-news__badge", "backgroundColor"],
                                         [".cpc-focus-card", "borderTopColor"]])
    assert all(ratio is not None and ratio >= 3 for ratio in found.values()), found


def test_the_english_404_header_speaks_english(browser, sample_site):
    """With script, the header's words follow the reader's language (tests/browser/test_404.py
    compares every label with a real English page's)."""
    _, url, _ = sample_site
    context = new_context(browser, viewport=DESKTOP)
    try:
        page = context.new_page()
        open_page(page, url + root(OTHER) + "cpc-no-such-page/")
        assert page.locator(".cpc-lang__name").inner_text() == ui("language_name", OTHER)
        assert page.locator(".md-select__link").count() == len(LOCALES)
    finally:
        context.close()
