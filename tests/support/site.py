"""What the tests know of the site, read from its own configuration and
data: the one place tests take locales, page addresses and UI strings from
(mkdocs.yml through hooks/cpc/bilingual.py, hooks/cpc/places.py, data/ui.yml).

Tests write no locale code, news folder or page slug of their own: they ask
here, so a renamed page or language changes one file."""
from __future__ import annotations

import datetime
import os

import yaml

from cpc import clock, places
from cpc.bilingual import Languages
from sitetools.build import ROOT

LANGUAGES = Languages.from_mkdocs_yml(ROOT / "mkdocs.yml")
# The default language (Norwegian), at the site root.
DEFAULT = LANGUAGES.default
# The translated languages; today one, English, under its own folder.
TRANSLATED = tuple(lang for lang in LANGUAGES.locales if lang != DEFAULT)
OTHER = TRANSLATED[0]
LOCALES = LANGUAGES.locales
# The news folder in docs/ and in every language's address.
NEWS = places.NEWS
# The run's day: builds get it as CPC_TODAY (conftest.news_today), and the
# sample's posts are dated around it.
TODAY = datetime.date.fromisoformat(os.environ.get(clock.VARIABLE) or clock.now().date().isoformat())
UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))


def root(lang: str) -> str:
    """A language's folder on the site: '' for the default, 'en/' for English."""
    return LANGUAGES.root(lang)


HOMES = tuple(root(lang) for lang in LOCALES)


def address(role: str, lang: str) -> str:
    """The site path of a page by its role (places.PAGES: 'contact',
    'membership', 'thanks', 'privacy', ...; or 'news'): 'en/kontakt/'."""
    return places.links(root(lang))[role]


def slug(role: str) -> str:
    """A page's file name without suffix, by its role: 'kontakt'."""
    return NEWS if role == "news" else places.PAGES[role]


def news_address(lang: str, post: str = "") -> str:
    """'nyheter/', or a post's 'en/nyheter/<post>/'."""
    return f"{root(lang)}{NEWS}/" + (f"{post}/" if post else "")


def source_name(stem: str, lang: str) -> str:
    """The file of a page in a language: ('om-klyngen', 'en') -> 'om-klyngen.en.md'."""
    return LANGUAGES.source_name(stem, lang)


def in_languages(default_text, other_text) -> dict:
    """{DEFAULT: default_text, OTHER: other_text}: a fact or text per language."""
    return {DEFAULT: default_text, OTHER: other_text}


def ui(key: str, lang: str) -> str:
    """A UI string from data/ui.yml."""
    return UI[key][lang]


MONTHS = in_languages("januar februar mars april mai juni juli august september oktober november desember".split(),
                      "January February March April May June July August September October November December".split())


def written(day: str, lang: str) -> str:
    """4. mars 2027 / 4 March 2027, written independently of the site's code."""
    date = datetime.date.fromisoformat(day)
    return f"{date.day}. {MONTHS[DEFAULT][date.month - 1]} {date.year}" if lang == DEFAULT else \
        f"{date.day} {MONTHS[OTHER][date.month - 1]} {date.year}"
