"""Building the site, or a copy of the project a caller may break."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data")
# The content editor: read by the build, never changed by a test, so linked
# rather than copied (its installed package is large).
EDITOR = "admin"


def copy_project(dest: Path, editor: bool = False) -> Path:
    """Copy what a build reads into `dest`, so a test can break it safely.
    With `editor`, the copy builds the content editor at /admin/ too (the
    footer's edit link leads there), at the cost of a slower build."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part)
        else:
            shutil.copy2(source, dest / part)
    if editor and (ROOT / EDITOR).is_dir():
        (dest / EDITOR).symlink_to(ROOT / EDITOR, target_is_directory=True)
    return dest


def build_project(project: Path, dest: Path, **env: str) -> subprocess.CompletedProcess:
    """Build a project strictly into `dest`; return the result whether it failed or not."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=project, env=full_env, capture_output=True, text=True,
    )
