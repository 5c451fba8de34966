"""Gate: axe-core finds no violation on any page, in the light and the dark
scheme, the dark one switched with the site's own toggle."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from support.browser import AXE_OPTIONS
from support.browser import ANIMATIONS_DONE
from support import PAGES, built_pages, new_context, open_page, page_id, switch_scheme



@pytest.fixture
def axe_page(browser):
    context = new_context(browser, color_scheme="light")
    yield context.new_page()
    context.close()


def describe(path: str, scheme: str, results) -> str:
    lines = []
    for violation in results.response["violations"]:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        lines.append(f"{path} [{scheme}] {violation['id']}: {violation['help']} ({len(violation['nodes'])}×, e.g. {targets})")
    return "\n".join(lines)


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_axe_light_and_dark(axe_page, site_url, path):
    axe, problems = Axe(), []
    open_page(axe_page, site_url + path)
    for scheme in ("default", "slate"):
        switch_scheme(axe_page, scheme)
        results = axe.run(axe_page, options=AXE_OPTIONS)
        # axe ran the requested rules (not a silent no-op).
        assert results.response["passes"], f"axe checked nothing on {path}"
        if results.violations_count:
            problems.append(describe(path, scheme, results))
    assert not problems, "axe violations:\n" + "\n".join(problems)


PHONE = {"width": 390, "height": 800}


def test_axe_on_a_phone_with_the_menu_open(browser, site_dir, site_url):
    """Narrow screens show other parts (menu button, drawer, stacked cards)."""
    context = new_context(browser, viewport=PHONE, is_mobile=True)
    try:
        page, axe, problems = context.new_page(), Axe(), []
        for path in built_pages(site_dir):
            open_page(page, site_url + path)
            results = axe.run(page, options=AXE_OPTIONS)
            assert results.response["passes"], f"axe checked nothing on {path}"
            if results.violations_count:
                problems.append(describe(path, "phone", results))
        # The drawer open, as a reader on a phone sees the navigation.
        path = "fokusomrader/resirkulering/"
        for scheme in ("default", "slate"):
            open_page(page, site_url + path)
            switch_scheme(page, scheme)
            page.locator('label.md-header__button[for="__drawer"]').click()
            page.wait_for_function(ANIMATIONS_DONE)
            results = axe.run(page, options=AXE_OPTIONS)
            if results.violations_count:
                problems.append(describe(path, f"phone, menu open, {scheme}", results))
        assert not problems, "axe violations:\n" + "\n".join(problems)
    finally:
        context.close()
