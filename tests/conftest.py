"""Shared fixtures: one strict build of the site, a GitHub-Pages-like server
and Debian's Chromium driven by Playwright."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from form_endpoint import serve_form_endpoint
from site_server import serve_site

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")
# Flags for a closed network: no background calls home, no sandbox as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data")


def copy_project(dest: Path) -> Path:
    """Copy what a build reads into `dest`, so a test can break it safely."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part)
        else:
            shutil.copy2(source, dest / part)
    return dest


def build_project(project: Path, dest: Path, **env: str) -> subprocess.CompletedProcess:
    """Build a copied project; return the result whether it failed or not."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=project, env=full_env, capture_output=True, text=True,
    )


def build_site(dest: Path, **env: str) -> subprocess.CompletedProcess:
    """Build this project strictly into `dest`; raise with mkdocs' output on failure."""
    result = build_project(ROOT, dest, **env)
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return result


def find_chromium() -> str:
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return explicit
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError(
        "No system Chromium found (looked for: " + ", ".join(CHROMIUM_CANDIDATES) + "). "
        "Install it with `apt-get install chromium` or set CHROMIUM_PATH. "
        "`playwright install` cannot download browsers on this network."
    )


@pytest.fixture(scope="session")
def build_env(contact_endpoint) -> dict[str, str]:
    """Environment for the shared build; fixtures may add to it."""
    return {"SITE_URL": "https://www.cpcluster.no/", "CONTACT_FORM_ENDPOINT": contact_endpoint.url}


@pytest.fixture(scope="session")
def contact_endpoint():
    """The recording form endpoint (tests/form_endpoint.py); its port is fixed
    before the build, which bakes the URL into the contact form."""
    with serve_form_endpoint() as endpoint:
        yield endpoint


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
def browser():
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
