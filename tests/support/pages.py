"""The pages every gate is parametrized by, read from docs/ without a build,
and the languages, read from mkdocs.yml (hooks/cpc/bilingual.py)."""
from __future__ import annotations

from pathlib import Path

from cpc import cms, places
from sitetools.build import ROOT
from support.site import LANGUAGES
# Missing paths that get 404.html, one per language folder.
MISSING_PAGES = tuple(f"{LANGUAGES.root(lang)}cpc-missing-page/" for lang in LANGUAGES.locales)
NEWS = places.NEWS


def source_url(rel: str, languages) -> str:
    """The site path a docs file builds to: 'om-klyngen.md' -> 'om-klyngen/';
    a translation's file builds to the same path in its language's folder."""
    stem, locale = languages.split(rel)
    path = "" if stem == "index" else stem[: -len("index")] if stem.endswith("/index") else stem + "/"
    return languages.root(locale) + path


def page_paths() -> list[str]:
    """Every page the site builds, read from docs/ (no build needed, so tests
    can be parametrized by page), then the 404 page's visits."""
    paths = sorted(source_url(p.relative_to(ROOT / "docs").as_posix(), LANGUAGES) for p in (ROOT / "docs").rglob("*.md"))
    return paths + list(MISSING_PAGES)


def page_id(path: str) -> str:
    return path.rstrip("/") or "home"


PAGES = page_paths()


def public_html(site_dir: Path) -> list[Path]:
    """Every HTML file readers can reach; the staff's content editor at
    /admin/ is outside the public gates (README, "Content editor")."""
    return [file for file in sorted(Path(site_dir).rglob("*.html"))
            if file.relative_to(site_dir).parts[0] != cms.ADMIN_DIR]


def built_pages(site_dir: Path) -> list[str]:
    """Site paths of every built HTML page, then the 404 page's visits."""
    pages = []
    for file in public_html(site_dir):
        rel = file.relative_to(site_dir).as_posix()
        if rel != "404.html":
            pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages + list(MISSING_PAGES)


def is_missing_page(path: str) -> bool:
    return path in MISSING_PAGES


def language_of(path: str) -> str:
    """The language whose folder `path` is in."""
    return next((lang for lang in LANGUAGES.locales if lang != LANGUAGES.default and path.startswith(LANGUAGES.root(lang))),
                LANGUAGES.default)
