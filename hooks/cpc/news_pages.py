"""The news pages MkDocs does not find in docs/: one listing per language and
one archive page per year, made for the language being built.

A language gets them, and its "News" menu entry, only once it has a post of
its own. They use overrides/cpc-news.html; what they list comes from
`Site.page_view`.
"""
from __future__ import annotations

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from cpc import news

TEMPLATE = "cpc-news.html"
# The menu entry goes before this page, as on most cluster sites.
NAV_BEFORE = "bli-medlem/"


def _page(config, files, lang: str, path: str, title: str, description: str, year: int | None) -> Page:
    src_uri = f"{path}index.md"
    front_matter = [f"title: {title!r}", f"description: {description!r}", f"template: {TEMPLATE}"]
    if year:
        front_matter.append(f"news_year: {year}")
    content = "---\n" + "\n".join(front_matter) + f"\n---\n\n# {title}\n"
    file = File.generated(config, src_uri, content=content)
    # What static-i18n gives every page file, so its steps and ours treat these alike.
    file.locale = lang
    file.alternates = {lang: file}
    file.locale_alternate_of = file.url
    files.append(file)
    return Page(None, file, config)


def add(nav, files, config, site, lang: str) -> None:
    if not site.news.has(lang):
        return
    ui, root = site.ui[lang], site.languages.root(lang)
    listing = _page(config, files, lang, f"{root}{news.FOLDER}/", ui["news_title"], ui["news_description"], None)
    for year in site.news.years(lang):
        _page(config, files, lang, f"{root}{news.FOLDER}/{year}/", ui["news_year_title"].format(year=year),
              ui["news_year_description"].format(year=year), year)
    at = next((i for i, item in enumerate(nav.items) if getattr(item, "url", "").endswith(NAV_BEFORE)), len(nav.items))
    nav.items.insert(at, listing)
    nav.pages.insert(next((i for i, p in enumerate(nav.pages) if p.url.endswith(NAV_BEFORE)), len(nav.pages)), listing)
