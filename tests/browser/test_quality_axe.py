"""Gate: axe-core on what only a phone shows: the navigation drawer open,
in the light and the dark scheme. Every page's own axe checks, light, dark
and at a phone's width, are in test_quality_pages.py."""
from __future__ import annotations

import pytest

from support import new_context, open_page, switch_scheme
from support.axe import axe_problems
from support.browser import ANIMATIONS_DONE
from support.site import DEFAULT, address

PHONE = {"width": 390, "height": 800}
# A focus area: a page nested in the menu.
FOCUS_AREA = address("focus_areas", DEFAULT) + "resirkulering/"


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_on_a_phone_with_the_menu_open(browser, site_url, scheme):
    context = new_context(browser, viewport=PHONE, is_mobile=True)
    try:
        page = context.new_page()
        open_page(page, site_url + FOCUS_AREA)
        switch_scheme(page, scheme)
        page.locator('label.md-header__button[for="__drawer"]').click()
        page.wait_for_function(ANIMATIONS_DONE)
        problems = axe_problems(page, f"[phone, menu open, {scheme}]")
    finally:
        context.close()
    assert not problems, "axe violations:\n" + "\n".join(problems)
