"""Fixtures: one shared build at the domain root and one under a sub-path
per session, both served like GitHub Pages, the recording form endpoint, and
Debian's Chromium driven by Playwright. Helpers live in the support package.

Every build and every fixture reads one clock: CPC_TODAY (hooks/cpc/clock.py),
set once for the session."""
from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest

from cpc import clock
from support import (CHROMIUM_ARGS, build_project, build_site, copy_project, find_chromium, serve_form_endpoint, serve_site,
                     write_fixture_posts)

SUB_PATH = "/repo/"


@pytest.fixture(scope="session")
def contact_endpoint():
    """The recording form endpoint; its port is fixed before the build,
    which bakes the URL into the forms."""
    with serve_form_endpoint() as endpoint:
        yield endpoint


@pytest.fixture(scope="session")
def news_today() -> datetime.date:
    """The session's day: builds run with CPC_TODAY set to it, and fixture
    posts are dated around it."""
    return datetime.date.fromisoformat(os.environ.get(clock.VARIABLE) or clock.now().date().isoformat())


@pytest.fixture(scope="session")
def build_env(contact_endpoint, news_today) -> dict[str, str]:
    """Environment for the shared builds."""
    return {"SITE_URL": "https://www.cpcluster.no/", "CONTACT_FORM_ENDPOINT": contact_endpoint.url,
            clock.VARIABLE: news_today.isoformat()}


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory, build_env) -> Path:
    dest = tmp_path_factory.mktemp("site")
    build_site(dest, **build_env)
    return dest


@pytest.fixture(scope="session")
def site_url(site_dir):
    """Base URL of the built site served like GitHub Pages."""
    with serve_site(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def sub_path_site(tmp_path_factory, build_env):
    """(site folder, base URL) of a build deployed under /repo/, as on user.github.io/repo/."""
    dest = tmp_path_factory.mktemp("sub-path-site")
    with serve_site(dest, SUB_PATH) as url:
        # Absolute links (canonical, og:url) then point here and can be checked too.
        build_site(dest, **{**build_env, "SITE_URL": url})
        yield dest, url


@pytest.fixture(scope="session")
def news_project(tmp_path_factory, news_today):
    """A copy of the project with the fixture posts (support.write_fixture_posts)."""
    project = copy_project(tmp_path_factory.mktemp("news") / "project")
    posts = write_fixture_posts(project, news_today)
    return project, posts


@pytest.fixture(scope="session")
def news_site(tmp_path_factory, news_project, build_env):
    """(site folder, base URL, posts) of the project with fixture posts, served."""
    project, posts = news_project
    dest = tmp_path_factory.mktemp("news-site")
    result = build_project(project, dest, **build_env)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_site(dest) as url:
        yield dest, url, posts


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
