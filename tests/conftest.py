"""Fixtures: one shared build at the domain root and one under a sub-path
per session, both served like GitHub Pages, the recording form endpoint, and
Debian's Chromium driven by Playwright. Helpers live in the support package.

Every build and every fixture reads one clock: CPC_TODAY (hooks/cpc/clock.py),
set once for the session."""
from __future__ import annotations

import datetime
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from cpc import clock
from sitetools.photos import build_phone_photos
from support.workers import once_per_run
from support.site import DEFAULT, NEWS, OTHER, in_languages, source_name
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


@contextmanager
def built_and_served(project: Path, dest: Path, build_env: dict):
    """Build a project copy strictly into `dest` and serve it; yield the base URL."""
    result = build_project(project, dest, **build_env)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_site(dest) as url:
        yield url


@pytest.fixture(scope="session")
def news_site(tmp_path_factory, news_project, build_env):
    """(site folder, base URL, posts) of the project with fixture posts, served."""
    project, posts = news_project
    dest = tmp_path_factory.mktemp("news-site")
    with built_and_served(project, dest, build_env) as url:
        yield dest, url, posts


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
def phone(tmp_path_factory):
    """The phone photos (sitetools.photos), built once per run."""
    once_per_run(tmp_path_factory, "phone-photos")
    return build_phone_photos(tmp_path_factory.mktemp("phone"))


@pytest.fixture(scope="session")
def photo_project(tmp_path_factory, news_today):
    """A copy of the project where staff added phone photos as they came:
    a post with a 4000x3000 JPEG (EXIF orientation, camera), its English
    version with only its own alt text, and a HEIC in a page's text. The
    camera's location is off: `make check` refuses a photo with a position."""
    phone = build_phone_photos(tmp_path_factory.mktemp("phone-no-position"), position=False)
    project = copy_project(tmp_path_factory.mktemp("photos") / "project")
    write_fixture_posts(project, news_today)
    folder = project / "docs" / NEWS
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(phone.jpeg, folder / "besok-anlegg.jpg")
    date = news_today.isoformat()
    (folder / source_name("besok", DEFAULT)).write_text(
        f"---\ntitle: Klyngen besøkte et sorteringsanlegg\ndescription: Et besøk.\ndate: {date}\n"
        "image: besok-anlegg.jpg\nimage_alt: Medlemmer ser på sorteringsbåndet\n"
        "image_caption: Sorteringsbåndet i full drift.\nimage_credit: Kari Nordmann\n---\n\nTekst.\n", encoding="utf-8")
    (folder / source_name("besok", OTHER)).write_text(
        f"---\ntitle: The cluster visited a sorting plant\ndescription: A visit.\ndate: {date}\n"
        "image_alt: Members look at the sorting belt\n---\n\nText.\n", encoding="utf-8")
    write_fixture_directory(project, phone.jpeg)
    if phone.heic:
        shutil.copy2(phone.heic, project / "docs" / "assets" / "images" / "sortering.heic")
        for lang, alt in in_languages("Sorteringsanlegget", "The sorting plant").items():
            page = project / "docs" / source_name("om-klyngen", lang)
            page.write_text(page.read_text(encoding="utf-8") + f"\n![{alt}](assets/images/sortering.heic)\n", encoding="utf-8")
    return project, phone


@pytest.fixture(scope="session")
def photo_site(tmp_path_factory, photo_project, build_env):
    """(site folder, base URL, project) of the photo project, built and served."""
    once_per_run(tmp_path_factory, "photo-site")
    project, _ = photo_project
    dest = tmp_path_factory.mktemp("photo-site")
    with built_and_served(project, dest, build_env) as url:
        yield dest, url, project


# Fictional entries for the tests only; the real files ship empty.
FIXTURE_MEMBERS = [("Eksempel Emballasje AS", "https://emballasje.example", "member", "eksempel.svg"),
                   ("Prøve Gjenvinning AS", "https://gjenvinning.example", "partner", "prove.png")]
FIXTURE_PERSON = ("Ola Testesen", in_languages("Daglig leder", "Managing director"), "ola@example.com", "+47 400 00 000")


def write_fixture_directory(project: Path, photo: Path) -> None:
    """Two members (an SVG logo and a PNG one) and a contact person with a photo."""
    from PIL import Image

    logos = project / "docs" / "assets" / "logos"
    logos.mkdir(parents=True)
    shutil.copy2(project / "docs" / "assets" / "images" / "logo.svg", logos / "eksempel.svg")
    with Image.open(photo) as image:
        image.crop((0, 0, 900, 300)).save(logos / "prove.png")
        image.crop((0, 0, 600, 600)).save(logos / "ola.jpg", quality=90)
    lines = ["members:"]
    for name, url, kind, logo in FIXTURE_MEMBERS:
        lines += [f"  - name: {name}", f"    url: {url}", f"    kind: {kind}", f"    logo: assets/logos/{logo}"]
    (project / "data" / "members.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    name, roles, email, phone = FIXTURE_PERSON
    role = ", ".join(f"{lang}: {text}" for lang, text in roles.items())  # a YAML mapping, one text per language
    (project / "data" / "people.yml").write_text(
        f"people:\n  - name: {name}\n    role: {{{role}}}\n    email: {email}\n"
        f"    phone: \"{phone}\"\n    photo: assets/logos/ola.jpg\n", encoding="utf-8")
