"""The pages every gate is parametrized by, read from docs/ without a build
(posts and the news pages through the build's own news rules, so a gate
expects whatever content staff have published), and the languages, read from
mkdocs.yml (hooks/cpc/bilingual.py)."""
from __future__ import annotations

from pathlib import Path

from cpc import clock, cms, news, places
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


def page_paths(docs: Path = ROOT / "docs") -> list[str]:
    """Every page the site builds, read from docs/ (no build needed, so tests
    can be parametrized by page), then the 404 page's visits. Posts count as
    the build counts them: drafts and posts dated later are left out, and
    each language gets its news page and year archives once there is news."""
    sources = (p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    paths = [source_url(rel, LANGUAGES) for rel in sources if not news.is_post(rel)]
    now = clock.now()
    public, _ = news.held_back(news.load_posts(docs, LANGUAGES), LANGUAGES.default, now.date())
    published = news.News(tuple(public), LANGUAGES.default, now)
    paths += [news.post_url(version, LANGUAGES) for post in public for version in post.versions.values()]
    for lang in LANGUAGES.locales:
        if published.has(lang):
            folder = f"{LANGUAGES.root(lang)}{NEWS}/"
            paths += [folder] + [f"{folder}{year}/" for year in published.years(lang)]
    return sorted(paths) + list(MISSING_PAGES)


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
