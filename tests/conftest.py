"""Fixtures: one shared build at the domain root and one under a sub-path
per session, both served like GitHub Pages, the recording form endpoint, and
Debian's Chromium driven by Playwright. Helpers live in the support package.

Every build and every fixture reads one clock: CPC_TODAY (hooks/cpc/clock.py),
set once for the session."""
from __future__ import annotations

import datetime
from contextlib import contextmanager
from pathlib import Path

import pytest

from cpc import clock
from sitetools.photos import PHONE_HEIC, PHONE_JPEG, PhonePhoto, build_phone_photos
from support.workers import made_once
from support import CHROMIUM_ARGS, build_project, build_site, copy_project, find_chromium, serve_form_endpoint, serve_site
from support.site import TODAY
from support.sample import Sample, clear_content, read_sample, write_sample

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
    return TODAY


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


@contextmanager
def built_and_served(project: Path, dest: Path, build_env: dict):
    """Build a project copy strictly into `dest` and serve it; yield the base URL."""
    result = build_project(project, dest, **build_env)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_site(dest) as url:
        yield url


@pytest.fixture(scope="session")
def bare_site(tmp_path_factory, build_env) -> Path:
    """The site as it ships: the live pages, no posts, empty directory files."""
    project = copy_project(tmp_path_factory.mktemp("bare") / "project")
    clear_content(project)
    dest = project.parent / "site"
    result = build_project(project, dest, **build_env)
    assert result.returncode == 0, result.stdout + result.stderr
    return dest


@pytest.fixture(scope="session")
def sample(tmp_path_factory, news_today, build_env) -> Sample:
    """A copy of the project with the populated sample site (tests/sample/)
    in place of the live posts and data files: phone photos, events, members,
    people, the organisation's facts and goals with measurements. Written
    once a run for both test processes, with its photos rendered (a first
    build fills the image cache), so later builds of it encode nothing."""
    def make(folder):
        # Staff turn the camera's location off (make check refuses a committed position).
        photos = build_phone_photos(folder / "phone", position=False)
        write_sample(copy_project(folder / "project", editor=True), news_today, photos)
        result = build_project(folder / "project", folder / "first-build", **build_env)
        assert result.returncode == 0, result.stdout + result.stderr

    return read_sample(made_once(tmp_path_factory, "sample", make) / "project", news_today)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory, sample, build_env):
    """(site folder, base URL, Sample) of the sample site, built by this test
    process (its forms post to this process's endpoint) and served."""
    dest = tmp_path_factory.mktemp("sample-site")
    with built_and_served(sample.project, dest, build_env) as url:
        yield dest, url, sample


@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def browser(playwright):
    """Debian's Chromium, as its headless shell where installed (.ci/run
    installs it): the same engine, and the browser tests run in two thirds
    of the time."""
    browser = playwright.chromium.launch(executable_path=find_chromium(headless_shell=True), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def full_browser(playwright):
    """Debian's whole Chromium, for what the headless shell does differently:
    it does not route a page a cross-origin POST redirects to."""
    browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def phone(tmp_path_factory) -> PhonePhoto:
    """The phone photos (sitetools.photos), made once a run for both test processes."""
    folder = made_once(tmp_path_factory, "phone", build_phone_photos)
    heic = folder / PHONE_HEIC
    return PhonePhoto(jpeg=folder / PHONE_JPEG, heic=heic if heic.exists() else None)
