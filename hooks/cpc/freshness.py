"""Translation freshness: which page of a pair was changed later, by git.

The older page shows a notice (overrides/partials/cpc-freshness.html) that
links to the newer one; `make check` lists the same pairs as warnings.
Without git history no notice is shown and one log line says why.

The rule, in one place (`is_newer`, over `CommitTimes`):
- A pull request is one change: history is read by first parent, so both
  languages merged together count as changed together.
- A change whose commit message (or pull request title) says
  `[ingen oversettelse]` or `[no translation]` asks nothing of the other
  language: a typo fix, a link, wording polished in one language.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

from mkdocs.utils import get_relative_url


def _git(root: Path, *args: str) -> str | None:
    """Run git in `root`; None when git is missing or the command fails."""
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
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


NO_TRANSLATION = re.compile(r"\[(?:ingen oversettelse|no translation)\]", re.I)


class CommitTimes:
    """Last change time of every file, read from one `git log` on first use
    (a site with a thousand posts would otherwise run a thousand)."""

    def __init__(self, root: Path):
        self.root = Path(root).resolve()
        self._times: dict[Path, int] | None = None

    def _read(self) -> dict[Path, int]:
        out = _git(self.root, "log", "--first-parent", "--diff-merges=first-parent", "--format=%x00%ct%x01%B%x02",
                   "--name-only", "--no-renames", "--", ".") or ""
        times: dict[Path, int] = {}
        top = Path(_git(self.root, "rev-parse", "--show-toplevel") or self.root).resolve()
        for entry in out.split("\0")[1:]:
            header, _, files = entry.partition("\x02")
            stamp, _, message = header.partition("\x01")
            if NO_TRANSLATION.search(message):
                continue
            for name in files.split():
                # Newest commits come first; keep each file's newest.
                times.setdefault((top / name).resolve(), int(stamp))
        return times

    def __call__(self, path) -> int | None:
        if self._times is None:
            self._times = self._read()
        return self._times.get(Path(path).resolve())


def is_newer(times: CommitTimes, path, than) -> bool:
    """The rule, in one place: `path` was committed after `than`. A file not
    committed yet is compared with nothing."""
    own, other = times(path), times(than)
    return own is not None and other is not None and own > other


def newer_versions(times: CommitTimes | None, page) -> list[dict]:
    """The page's other-language versions committed after it: [{lang, href}]."""
    if times is None or not page.file.abs_src_path:
        return []
    newer = []
    for lang, other in page.file.alternates.items():
        if lang == page.file.locale or not other.abs_src_path:
            continue
        if is_newer(times, other.abs_src_path, page.file.abs_src_path):
            target = "" if other.url in ("", "./") else other.url
            href = get_relative_url(target or ".", page.url or ".")
            newer.append({"lang": lang, "href": href if target or href.endswith("/") else href + "/"})
    return newer
