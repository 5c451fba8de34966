"""Site search with Pagefind: an index per language, loaded in pieces.

After the last language build, Pagefind reads the built pages and writes
pagefind/ beside them: one index per <html lang>, with Norwegian stemming,
split into small chunks so one search fetches only what it needs. Nothing is
fetched until a reader shows intent (assets/javascripts/cpc-site.js).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# Only each page's article is indexed; menus, header and footer are not.
ROOT_SELECTOR = "article.md-content__inner"
# Every page is a folder's index.html; the one 404.html stays out.
PAGES_GLOB = "**/index.html"


def build_index(site_dir: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--glob", PAGES_GLOB,
               "--root-selector", ROOT_SELECTOR, "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise PluginError(f"search: could not run Pagefind ({error}). Is `pagefind[bin]` installed (requirements.txt)?") from error
    if result.returncode != 0:
        raise PluginError(f"search: Pagefind failed:\n{result.stdout}\n{result.stderr}")
