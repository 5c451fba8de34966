"""Translation freshness on a temporary git repository with controlled commit
dates: the older page of a pair shows a translated notice linking to the other
language, `make check` warns without failing, and no git history is no error."""
from __future__ import annotations

import os
import posixpath
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from cpc.freshness import CommitTimes, git_history_problem, is_newer
from support import ROOT, build_project, copy_project
from support.site import DEFAULT, OTHER, address, root, slug, source_name

JAN, MAR = "2024-01-01T12:00:00+00:00", "2024-03-01T12:00:00+00:00"
MAR_EPOCH = 1709294400
CONTACT, MEMBERSHIP = slug("contact"), slug("membership")
# The pages whose March edit leaves their counterparts older.
CHANGED = (source_name(CONTACT, DEFAULT), source_name("index", OTHER))


def git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    result = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", *args],
        cwd=repo, env=env, capture_output=True, text=True, check=True,
    )
    return result.stdout


def build(project: Path, dest: Path) -> subprocess.CompletedProcess:
    result = build_project(project, dest, SITE_URL="https://www.cpcluster.no/")
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return result


def check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_content.py"), "--root", str(project)],
        capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": ""}, timeout=60,
    )


def href(page: str, target: str) -> str:
    """The link from one site path to another, relative, as the pages write it."""
    return posixpath.relpath(target or ".", page or ".") + "/"


def notices(html_file: Path) -> list:
    return BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").select(".cpc-freshness")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """All pages committed in January; in March the Norwegian contact page and
    the English home page change, so their counterparts are older."""
    project = copy_project(tmp_path_factory.mktemp("fresh") / "project")
    git(project, "init", "--quiet")
    git(project, "add", "--all")
    git(project, "commit", "--quiet", "-m", "January", date=JAN)
    for name, sentence in zip(CHANGED, ("En ny setning.", "A new sentence.")):
        with (project / "docs" / name).open("a", encoding="utf-8") as handle:
            handle.write(f"\n{sentence}\n")
    git(project, "add", "--all")
    git(project, "commit", "--quiet", "-m", "March", date=MAR)
    return project


@pytest.fixture(scope="module")
def repo_site(repo, tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("fresh-site")
    build(repo, dest)
    return dest


def test_last_commit_time_reads_the_controlled_date(repo):
    assert git_history_problem(repo) is None
    times = CommitTimes(repo)
    assert times(repo / "docs" / source_name(CONTACT, DEFAULT)) == MAR_EPOCH
    assert times(repo / "docs" / source_name(CONTACT, OTHER)) == MAR_EPOCH - 60 * 86400
    assert times(repo / "docs" / "never-committed.md") is None


def test_older_english_page_links_to_the_newer_norwegian_one(repo_site):
    page, original = address("contact", OTHER), address("contact", DEFAULT)
    [notice] = notices(repo_site / page / "index.html")
    assert "The Norwegian original has been changed since this translation was last updated." in notice.get_text()
    link = notice.find("a")
    assert link.get_text() == "Read the Norwegian original"
    assert link["href"] == href(page, original)
    assert link["hreflang"] == DEFAULT
    assert (repo_site / page / link["href"] / "index.html").resolve() == (repo_site / original / "index.html").resolve()


def test_older_norwegian_page_links_to_the_newer_english_one(repo_site):
    [notice] = notices(repo_site / root(DEFAULT) / "index.html")
    # The Norwegian page is the original, so it is not called a translation.
    assert "Den engelske versjonen av denne siden er endret etter at denne siden sist ble oppdatert." in notice.get_text()
    assert "oversettelse" not in notice.get_text()
    link = notice.find("a")
    assert link.get_text() == "Les den engelske versjonen"
    assert link["href"] == href(root(DEFAULT), root(OTHER))
    assert link["hreflang"] == OTHER


def test_the_notice_opens_the_article(repo_site):
    soup = BeautifulSoup((repo_site / address("contact", OTHER) / "index.html").read_text(encoding="utf-8"), "html.parser")
    notice = soup.select_one("article .cpc-freshness")
    assert notice is not None
    assert notice.find_next("h1") is not None and notice.find_previous("h1") is None


@pytest.mark.parametrize("path", [f"{address('contact', DEFAULT)}index.html", f"{root(OTHER)}index.html",
                                  "om-klyngen/index.html", f"{root(OTHER)}om-klyngen/index.html"])
def test_newer_and_unchanged_pages_have_no_notice(repo_site, path):
    assert notices(repo_site / path) == []


def test_make_check_warns_about_both_older_pages_without_failing(repo):
    result = check(repo)
    assert result.returncode == 0, result.stdout
    out = result.stdout
    assert f"docs/{source_name(CONTACT, OTHER)}:1: ADVARSEL / WARNING" in out
    assert (f"Den norske versjonen (docs/{source_name(CONTACT, DEFAULT)}) ble endret 2024-03-01, "
            "etter denne siden (2024-01-01)") in out
    assert f"docs/{source_name('index', DEFAULT)}:1: ADVARSEL / WARNING" in out
    assert f"The English version (docs/{source_name('index', OTHER)}) was changed on 2024-03-01" in out
    assert out.count("ADVARSEL / WARNING") == 2


def test_no_git_history_builds_without_notices_and_says_so(tmp_path):
    project = copy_project(tmp_path / "tarball")
    result = build(project, tmp_path / "site")
    assert "Translation freshness notices are off" in result.stderr + result.stdout
    assert not any(notices(path) for path in (tmp_path / "site").rglob("index.html"))
    checked = check(project)
    assert checked.returncode == 0, checked.stdout
    assert "no git history" in checked.stdout


def test_the_notice_stays_out_of_the_search_index(repo_site):
    for path in (f"{root(DEFAULT)}index.html", f"{address('contact', OTHER)}index.html"):
        [notice] = notices(repo_site / path)
        assert notice["data-pagefind-ignore"] == "all"


@pytest.fixture(scope="module")
def merged_repo(tmp_path_factory) -> Path:
    """January: everything. February: a pull request changes the Norwegian and
    then the English membership page in two commits and is merged; then a
    typo fix on the English about page says it needs no translation."""
    project = copy_project(tmp_path_factory.mktemp("merged") / "project")
    git(project, "init", "--quiet", "--initial-branch=main")
    git(project, "add", "--all")
    git(project, "commit", "--quiet", "-m", "January", date=JAN)
    git(project, "checkout", "--quiet", "-b", "pr")
    for name, day in ((source_name(MEMBERSHIP, DEFAULT), "01"), (source_name(MEMBERSHIP, OTHER), "02")):
        with (project / "docs" / name).open("a", encoding="utf-8") as handle:
            handle.write("\nNy setning.\n")
        git(project, "commit", "--quiet", "-am", f"Edit {name}", date=f"2024-02-{day}T12:00:00+00:00")
    git(project, "checkout", "--quiet", "main")
    git(project, "merge", "--quiet", "--no-ff", "-m", "Merge pull request #1", "pr", date="2024-02-03T12:00:00+00:00")
    with (project / "docs" / source_name("om-klyngen", OTHER)).open("a", encoding="utf-8") as handle:
        handle.write("\nA fixed typo.\n")
    git(project, "commit", "--quiet", "-am", "Typo [ingen oversettelse]", date="2024-02-04T12:00:00+00:00")
    return project


def test_a_pull_request_is_one_change_and_a_marked_change_asks_for_no_translation(merged_repo):
    times = CommitTimes(merged_repo)
    docs = merged_repo / "docs"
    for name in (MEMBERSHIP, "om-klyngen"):
        pair = (docs / source_name(name, DEFAULT), docs / source_name(name, OTHER))
        assert not is_newer(times, *pair) and not is_newer(times, *reversed(pair)), name
    result = check(merged_repo)
    assert "ADVARSEL" not in result.stdout, result.stdout


def test_the_same_two_commits_outside_a_pull_request_do_flag_the_older_page(merged_repo, tmp_path):
    """The rule is not blind: without the merge, the later English edit is newer."""
    git(merged_repo, "checkout", "--quiet", "pr")
    try:
        times = CommitTimes(merged_repo)
        docs = merged_repo / "docs"
        assert is_newer(times, docs / source_name(MEMBERSHIP, OTHER), docs / source_name(MEMBERSHIP, DEFAULT))
    finally:
        git(merged_repo, "checkout", "--quiet", "main")
