"""What the tests know of the site, read from its own configuration and
data: the one place tests take locales, page addresses and UI strings from
(mkdocs.yml through hooks/cpc/bilingual.py, hooks/cpc/places.py, data/ui.yml)."""
from __future__ import annotations

import yaml

from cpc import places
from cpc.bilingual import Languages
from sitetools.build import ROOT

LANGUAGES = Languages.from_mkdocs_yml(ROOT / "mkdocs.yml")
DEFAULT = LANGUAGES.default
# The translated languages; today one, English.
TRANSLATED = tuple(lang for lang in LANGUAGES.locales if lang != DEFAULT)
OTHER = TRANSLATED[0]
NEWS = places.NEWS
UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))


def root(lang: str) -> str:
    """A language's folder on the site: '' for the default, 'en/' for English."""
    return LANGUAGES.root(lang)


def address(role: str, lang: str) -> str:
    """The site path of a page by its role (places.PAGES, or 'news'): 'en/kontakt/'."""
    return places.links(root(lang))[role]


def ui(key: str, lang: str) -> str:
    """A UI string from data/ui.yml."""
    return UI[key][lang]


HOMES = tuple(root(lang) for lang in LANGUAGES.locales)
