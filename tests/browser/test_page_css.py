"""The built pages, each with the CSS it can use (hooks/cpc/page_css.py),
still look right in print and in the dark scheme."""
from __future__ import annotations

import pytest

from support import new_context, open_page, switch_scheme
from support.site import DEFAULT, OTHER, address, root

@pytest.mark.parametrize("path", [root(DEFAULT), address("contact", OTHER)])
def test_print_hides_the_chrome_and_keeps_the_text(browser, site_url, path):
    context = new_context(browser)
    try:
        page = context.new_page()
        open_page(page, site_url + path)
        page.emulate_media(media="print")
        assert page.locator(".md-header").evaluate("e => getComputedStyle(e).display") == "none"
        assert page.locator("h1").first.is_visible()
    finally:
        context.close()


def test_dark_scheme_changes_the_colours(browser, site_url):
    context = new_context(browser)
    try:
        page = context.new_page()
        open_page(page, site_url)
        light = page.evaluate("getComputedStyle(document.body).backgroundColor")
        switch_scheme(page, "slate")
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") != light
    finally:
        context.close()
