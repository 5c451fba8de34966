"""Each page carries the CSS it can use (hooks/cpc/page_css.py): what is
kept and dropped, and that the built pages still look right in every mode."""
from __future__ import annotations

import pytest

from cpc import page_css
from support import new_context, open_page, switch_scheme
from support.site import DEFAULT, OTHER, address, root

CSS = """
.used{color:red}
.absent{color:blue}
.used:not(.absent){margin:0}
.used .absent,.used b{padding:0}
kbd{font:inherit}
@media print{.used{display:none}.absent{display:block}}
@media screen{.absent{color:green}}
:root{--kept:1px;--dropped:2px;--chain:var(--kept)}
.used{border-width:var(--chain)}
[data-md-color-primary=red]{color:red}
[data-md-color-primary=custom]{color:green}
@keyframes spin{to{transform:rotate(1turn)}}
"""


def select(html: str, css: str = CSS, script_classes=frozenset()) -> str:
    return page_css.select(page_css.parse(css), page_css.used_by(html, frozenset(script_classes)))


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
