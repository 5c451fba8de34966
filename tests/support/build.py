"""Building the site for the tests."""
from __future__ import annotations

import subprocess
from pathlib import Path

from sitetools.build import PROJECT_PARTS, ROOT, build_project, copy_project  # noqa: F401


def build_site(dest: Path, **env: str) -> subprocess.CompletedProcess:
    """Build this project strictly into `dest`; raise with mkdocs' output on failure."""
    result = build_project(ROOT, dest, **env)
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    return result
