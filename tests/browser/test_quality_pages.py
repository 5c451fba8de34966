"""The browser gates (support/gates.py), in one visit per page: every page
of the real site, and on the sample site (tests/sample/) every page it
changes and a post of every kind it has (support.sample.gated_paths). Nu and
the links check every sample page (build/test_news.py). The gates take what
they expect from the page: a page that shows a photo gets the photo budget."""
from __future__ import annotations

import pytest

from support import PAGES, page_id
from support.gates import budget_of, page_problems
from support.sample import gated_paths
from support.site import TODAY


@pytest.mark.parametrize("path", PAGES, ids=page_id)
def test_page_passes_the_browser_gates(browser, site_dir, site_url, path):
    problems = page_problems(browser, site_url, path, budget_of(site_dir, path))
    assert not problems, f"{path or 'home'}:\n" + "\n".join(problems)


# The sample site is built once, by the one worker that runs these (pytest.ini: --dist loadgroup).
@pytest.mark.parametrize("path", gated_paths(TODAY), ids=page_id)
def test_sample_page_passes_the_browser_gates(browser, sample_site, path):
    site_dir, site_url, _ = sample_site
    problems = page_problems(browser, site_url, path, budget_of(site_dir, path))
    assert not problems, f"sample {path or 'home'}:\n" + "\n".join(problems)
