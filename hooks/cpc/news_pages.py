"""The news pages MkDocs does not find in docs/: one listing per language and
one archive page per year, made for the language being built.

A language gets them, and its "News" menu entry, only once it has a post of
its own. What they list comes from news_views.listing.
"""
from __future__ import annotations

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from cpc import news, places
from cpc.strings import fill

# Front matter that marks a generated page as a news listing (views.kind_of).
LISTING_META = "cpc_news_listing"


def _page(config, files, lang: str, path: str, title: str, description: str, year: int | None) -> Page:
    src_uri = f"{path}index.md"
    front_matter = [f"title: {title!r}", f"description: {description!r}", f"{LISTING_META}: true"]
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


def add(nav, files, config, all_news: news.News, ui, root: str, lang: str) -> None:
    """The news pages of `lang` (its folder `root`), and the menu entry."""
    if not all_news.has(lang):
        return
    folder = f"{root}{places.NEWS}/"
    listing = _page(config, files, lang, folder, ui["news_title"], ui["news_description"], None)
    for year in all_news.years(lang):
        _page(config, files, lang, f"{folder}{year}/", fill(ui["news_year_title"], year=year),
              fill(ui["news_year_description"], year=year), year)
    before = f"{places.PAGES[places.NEWS_BEFORE]}/"
    at = next((i for i, item in enumerate(nav.items) if getattr(item, "url", "").endswith(before)), len(nav.items))
    nav.items.insert(at, listing)
    nav.pages.insert(next((i for i, p in enumerate(nav.pages) if p.url.endswith(before)), len(nav.pages)), listing)
