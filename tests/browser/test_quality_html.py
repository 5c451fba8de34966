"""Gate: the Nu HTML Checker (vnu.jar, tests/tools) finds no error in any
built HTML file.

The checker starts once per run and reads only what the run selected: one
page's tests check one page; the whole suite checks every file."""
from __future__ import annotations

from pathlib import Path

import pytest

from support import PAGES, is_missing_page, nu_check, page_id
from support.site import OTHER
from support.workers import once_per_run

WHOLE_SITE_TEST = "test_no_error_outside_the_known_pages"
# One worker runs the checker for the module (pytest.ini: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("nu-site")


def validate(root: Path, files: list[Path] | None = None) -> tuple[int, list[str]]:
    """Run vnu over `files` (or every .html under `root`); (exit code, "file:line: message" errors)."""
    code, messages = nu_check(*(files or [root]))
    prefix = root.resolve().as_uri() + "/"
    return code, [f"{m.get('url', '').replace(prefix, '')}:{m.get('lastLine', '?')}: {m.get('message')}" for m in messages]


def html_file(path: str) -> str:
    return path if path.endswith(".html") else path + "index.html"


@pytest.fixture(scope="session")
def site_errors(site_dir, request):
    """One run of the checker over the pages this run selected (Java starts once)."""
    once_per_run(request.getfixturevalue("tmp_path_factory"), "nu-site")
    selected = [item for item in request.session.items if item.module.__name__ == __name__]
    if any(item.originalname == WHOLE_SITE_TEST for item in selected):
        files = None
    else:
        files = [site_dir / html_file(item.callspec.params["path"]) for item in selected if hasattr(item, "callspec")]
    code, errors = validate(site_dir, files)
    assert code == 0 or errors
    return errors


@pytest.mark.parametrize("path", [p for p in PAGES if not is_missing_page(p)] + ["404.html"], ids=page_id)
def test_page_is_valid_html(site_errors, path):
    mine = [error for error in site_errors if error.split(":", 1)[0] == html_file(path)]
    assert not mine, f"{len(mine)} HTML errors:\n" + "\n".join(mine)


def test_no_error_outside_the_known_pages(site_dir, site_errors):
    pages = list(site_dir.rglob("*.html"))
    assert len(pages) > 10 and (site_dir / "404.html") in pages
    known = {html_file(p) for p in PAGES} | {"404.html"}
    assert [e for e in site_errors if e.split(":", 1)[0] not in known] == []


def test_the_checker_reports_errors(tmp_path):
    (tmp_path / "bad.html").write_text(
        f'<!doctype html><html lang="{OTHER}"><head><meta charset="utf-8"><title>t</title></head>'
        '<body><input type="checkbox" autocomplete="off"></body></html>', encoding="utf-8")
    code, errors = validate(tmp_path)
    assert code != 0 and any("autocomplete" in error for error in errors), errors
