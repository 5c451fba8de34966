"""The rule of issue 24: content that `make check` accepts publishes cleanly.

A realistic staff pull request (support/staff_change.py), with a real phone
photograph, goes onto a copy of the real site as it is today. `make check`
accepts it, the strict build publishes it, every page gate passes on the
pages it touched (support.staff_change.gated_paths), Nu on every touched
page, and the link checker on the whole site. When this
test fails, the software broke the rule, not the staff."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from cpc import audit
from sitetools.photos import build_phone_photos
from support import ROOT, build_project, check_site, copy_project, nu_check, page_id, serve_site
from support.gates import budget_of, page_problems
from support import staff_change


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory, build_env, news_today):
    """(site folder, base URL, touched paths, make check's output) of the real site with the staff change."""
    work = tmp_path_factory.mktemp("staff-change")
    # A phone photo as the guide has staff take it: location off (make check
    # refuses a position), camera make, model and orientation still in it.
    photo = build_phone_photos(work / "phone", heic_size=None, position=False).jpeg
    project = copy_project(work / "project", editor=True)
    touched = staff_change.apply(project, news_today, photo)
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_content.py"), "--root", str(project)],
                           capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": ""}, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr
    result = build_project(project, work / "site", **build_env)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_site(work / "site") as url:
        yield work / "site", url, touched, check.stdout


def test_make_check_accepts_the_change(changed_site):
    *_, output = changed_site
    assert "ingen feil" in output


@pytest.mark.parametrize("path", staff_change.gated_paths(), ids=page_id)
def test_every_touched_page_passes_the_gates(browser, changed_site, path):
    site_dir, url, _, _ = changed_site
    problems = page_problems(browser, url, path, budget_of(site_dir, path))
    assert not problems, f"{path or 'home'}:\n" + "\n".join(problems)


def test_the_changed_site_is_valid_html_and_its_links_resolve(changed_site):
    site_dir, url, touched, _ = changed_site
    code, errors = nu_check(*(site_dir / path / "index.html" for path in touched))
    assert code == 0, "\n".join(f"{e.get('url')}:{e.get('lastLine')}: {e.get('message')}" for e in errors)
    broken, _, checked = check_site(site_dir, url)
    assert checked > 100 and not broken, "\n".join(broken)


def test_no_published_picture_carries_the_photos_camera_data(changed_site):
    site_dir, *_ = changed_site
    pictures = [f for f in site_dir.rglob("*") if f.suffix.lower() in (".jpg", ".jpeg", ".png", ".avif", ".webp")]
    assert len(pictures) > 10
    assert [(f.name, audit.strip_check(f)) for f in pictures if audit.strip_check(f)] == []
    assert not list(site_dir.rglob("IMG_4711*")), "the upload itself was published"
