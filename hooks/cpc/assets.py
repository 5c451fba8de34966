"""Material's assets as we use them.

- The stylesheets: Material's main and palette CSS and our cpc.css are read
  from here by page_css.py, which puts each page's rules into the page.
- Material's script, with its "alternate" feature switched off at the source:
  it fetches sitemap.xml next to every <link rel="alternate"> on every page
  view (404s on our hreflang links, and another origin off production). The
  patch must match exactly once, or the build stops.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

OUR_CSS = "assets/stylesheets/cpc.css"
MATERIAL_CSS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
MATERIAL_JS = "assets/javascripts/bundle.*.min.js"
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")
# Material's setupAlternate() selects these links; nothing matches the new selector.
ALTERNATE_SELECTOR = ('"link[rel=alternate]"', '"link[rel=alternate][data-md-alternate]"')


def theme_file(theme_dirs, pattern: str) -> Path:
    """The one file matching `pattern` in the theme (Material's hashed names)."""
    for folder in theme_dirs:
        found = sorted(Path(folder).glob(pattern))
        if len(found) == 1:
            return found[0]
        if found:
            raise PluginError(f"hooks/cpc/assets.py: expected one {pattern} in {folder}, found {len(found)}.")
    raise PluginError(f"hooks/cpc/assets.py: no {pattern} in the theme. Has Material renamed its assets?")


def write_material_script(theme_dirs, site_dir: Path) -> None:
    source = theme_file(theme_dirs, MATERIAL_JS)
    text = source.read_text(encoding="utf-8")
    old, new = ALTERNATE_SELECTOR
    if text.count(old) != 1:
        raise PluginError(f"hooks/cpc/assets.py: expected {old} once in Material's {source.name}, found "
                          f"{text.count(old)}. Has Material changed its alternate-language feature?")
    target = Path(site_dir) / "assets" / "javascripts" / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text.replace(old, new), encoding="utf-8")


def write(config) -> None:
    write_material_script(config.theme.dirs, Path(config.site_dir))
