"""Translation freshness: a visible notice on the older page of a pair.

When git says a page's counterpart in the other language was committed later
than the page itself, the page says so (data/ui.yml, keys `freshness_*`) and
links to the other language. scripts/check_content.py reuses the git helpers
below to list the same pairs as warnings.

Without git history (a source tarball, git missing) no notice is shown and one
log line says why; the build does not fail.
"""
from __future__ import annotations

import html
import logging
import re
import subprocess
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.freshness")

NOTICE_KEYS = ("freshness_notice", "freshness_link")
FIRST_H1_END = re.compile(r"</h1>", re.IGNORECASE)
ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">')


def _git(root: Path, *args: str) -> str | None:
    """Run git in `root`; None when git is missing or the command fails."""
    try:
        result = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=False,
        )
    except OSError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def git_history_problem(root: Path) -> str | None:
    """Why commit dates cannot be compared in `root`, or None if they can."""
    if _git(root, "--version") is None:
        return "git is not installed"
    if _git(root, "rev-parse", "--is-inside-work-tree") != "true":
        return f"{root} is not a git checkout (a tarball?)"
    if _git(root, "rev-parse", "--verify", "--quiet", "HEAD") is None:
        return "the git repository has no commits yet"
    return None


def is_shallow(root: Path) -> bool:
    return _git(root, "rev-parse", "--is-shallow-repository") == "true"


def last_commit_time(root: Path, path: Path) -> int | None:
    """Commit time (Unix seconds) of the last commit touching `path`, or None
    if the file has never been committed."""
    out = _git(root, "log", "-1", "--format=%ct", "--", str(path))
    return int(out) if out else None


class CommitTimes:
    """Last commit times, looked up once per build (both languages share it)."""

    def __init__(self, root: Path):
        self.root = root
        self._times: dict[Path, int | None] = {}

    def __call__(self, path: Path) -> int | None:
        path = Path(path).resolve()
        if path not in self._times:
            self._times[path] = last_commit_time(self.root, path)
        return self._times[path]


_times: CommitTimes | None = None


def on_config(config):
    global _times
    root = Path(config.config_file_path).parent
    problem = git_history_problem(root)
    if problem:
        _times = None
        log.info(f"Translation freshness notices are off: {problem}.")
        return config
    if is_shallow(root):
        log.info("Translation freshness: shallow git clone, so notices may be missing. Use `fetch-depth: 0` in CI.")
    _times = CommitTimes(root)
    return config


def notice_html(text: str, link_text: str, href: str, lang: str) -> str:
    return (
        f'<div class="admonition info cpc-freshness" role="note"><p>{html.escape(text)} '
        f'<a href="{html.escape(href)}" hreflang="{html.escape(lang)}">{html.escape(link_text)}</a></p></div>'
    )


def on_post_page(output, page, config):
    # After rendering, so the notice stays out of the search index.
    if _times is None or not page.file.abs_src_path:
        return output
    from mkdocs.exceptions import PluginError
    from mkdocs.utils import get_relative_url

    lang = page.file.locale
    own = _times(page.file.abs_src_path)
    if own is None:  # not committed yet: nothing to compare
        return output
    for other_lang, other in page.file.alternates.items():
        if other_lang == lang or not other.abs_src_path:
            continue
        theirs = _times(other.abs_src_path)
        if theirs is None or theirs <= own:
            continue
        strings = config.extra["ui"][lang]
        missing = [key for key in NOTICE_KEYS if key not in strings]
        if missing:
            raise PluginError(f"data/ui.yml: '{missing[0]}' is missing; hooks/freshness.py needs it.")
        article = ARTICLE.search(output)
        if article is None:
            raise PluginError(f"hooks/freshness.py: no <article> in the page built from docs/{page.file.src_uri}.")
        target = "" if other.url in ("", "./") else other.url
        href = get_relative_url(target or ".", page.url or ".")
        if not target and not href.endswith("/"):
            href += "/"
        notice = notice_html(strings["freshness_notice"], strings["freshness_link"], href, other_lang)
        # Right under the page heading, or first in the article without one.
        heading_end = FIRST_H1_END.search(output, article.end())
        at = heading_end.end() if heading_end else article.end()
        output = output[:at] + notice + output[at:]
    return output
