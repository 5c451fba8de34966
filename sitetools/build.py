"""Building the site, or a copy of the project a caller may break."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data")
# Read by the build, never changed by a test: linked, not copied (the
# content editor's installed package is large).
LINKED_PARTS = ("admin",)


def copy_project(dest: Path) -> Path:
    """Copy what a build reads into `dest`, so a test can break it safely;
    the content editor's files are linked, so a copy builds /admin/ too."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part)
        else:
            shutil.copy2(source, dest / part)
    for part in LINKED_PARTS:
        if (ROOT / part).is_dir():
            (dest / part).symlink_to(ROOT / part, target_is_directory=True)
    return dest


def build_project(project: Path, dest: Path, **env: str) -> subprocess.CompletedProcess:
    """Build a project strictly into `dest`; return the result whether it failed or not."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=project, env=full_env, capture_output=True, text=True,
    )
