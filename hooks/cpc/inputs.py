"""Everything a build reads, read and checked once per build (rules.load,
the same pass `make check` runs), in the first language's on_config, and
then frozen.

The steps after it receive the parts they need from here; none of them
receives this whole object except the pipeline and views.py, which turn it
into what each page shows.
"""
from __future__ import annotations

import datetime
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from cpc import bilingual, clock, forms, freshness, media, news, pictures, places, rules

log = logging.getLogger("mkdocs.hooks.cpc")
# `make serve` and the pull request's preview build show drafts and posts
# dated after today, marked; the published site never does.
PREVIEW_VARIABLE = "CPC_PREVIEW"


@dataclass(frozen=True)
class Inputs:
    root: Path
    docs_dir: Path
    site_dir: Path
    site_url: str
    languages: bilingual.Languages
    ui: dict  # locale -> strings.Strings
    goals: tuple
    news: news.News
    form_service: forms.FormService
    contact_email: str
    commit_times: freshness.CommitTimes | None
    now: datetime.datetime  # the build's one clock (clock.py)
    preview: bool
    held_back: tuple  # docs-relative sources of drafts and posts dated after today
    pictures: dict  # docs-relative path -> image_render.Picture: posts' images, logos and portraits
    docs_files: dict  # NFC docs-relative path -> the path on disk, of every file that is not a page (media.py)
    directory: object  # directory.Directory: members, people, the organisation's facts
    pages: dict  # docs path -> the page's front matter fields (rules.Content.pages)
    main_sections: dict  # locale -> ((title, site-relative URL), ...): the menu's top level
    edit_uri: str | None
    palette_names: dict  # locale -> the colour-scheme toggles' names (mkdocs.yml), for the 404 page's header


def load(config) -> Inputs:
    root = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir)
    if not config.site_url:
        raise PluginError("mkdocs.yml: site_url is not set; canonical links, feeds and forms need it.")
    languages = bilingual.Languages.from_config(config)
    content = rules.load(root, docs_dir, languages, config.nav or [])
    now = clock.now()
    preview = os.environ.get(PREVIEW_VARIABLE, "").lower() in ("1", "true", "yes")
    posts = list(content.posts)
    public, held_back = news.held_back(posts, languages.default, now.date())
    found = content.directory
    docs_files = media.docs_index(docs_dir)
    post_images = {version.image for post in posts for version in post.versions.values() if version.image}
    small = {member.logo for member in found.members if member.logo} | {p.photo for p in found.people if p.photo}
    return Inputs(
        root=root,
        docs_dir=docs_dir,
        site_dir=Path(config.site_dir),
        site_url=config.site_url,
        languages=languages,
        ui=content.ui,
        goals=content.goals,
        news=news.News(tuple(posts if preview else public), languages.default, now),
        form_service=forms.form_service(config, languages),
        contact_email=config.extra["contact_email"],
        commit_times=commit_times(root),
        now=now,
        preview=preview,
        held_back=() if preview else held_back,
        pictures=pictures.render_all(docs_dir, root, post_images, small, docs_files),
        docs_files=docs_files,
        directory=found,
        pages=content.pages,
        main_sections=main_sections(config, content.pages, languages, bool(posts if preview else public)),
        edit_uri=config.edit_uri or None,
        palette_names=palette_names(config),
    )


def commit_times(root: Path) -> freshness.CommitTimes | None:
    problem = freshness.git_history_problem(root)
    if problem:
        log.info(f"Translation freshness notices are off: {problem}.")
        return None
    if freshness.is_shallow(root):
        log.info("Translation freshness: shallow git clone, so notices may be missing. Use `fetch-depth: 0` in CI.")
    return freshness.CommitTimes(root)


def palette_names(config) -> dict:
    """Each language's names of the colour-scheme toggles: the theme's, as
    static-i18n's `theme:` of a language overrides them (mkdocs.yml). Right
    in the default language's build, the one that writes the 404 page: a
    later build's theme already carries its own language's names."""
    own = [(option.get("toggle") or {}).get("name", "") for option in config.theme.get("palette") or []]
    names = {}
    for language in config.plugins["i18n"].config.languages:
        override = ((language.theme or {}).get("palette")) or []
        names[language.locale] = tuple(
            ((override[i].get("toggle") or {}).get("name") if i < len(override) else None) or name
            for i, name in enumerate(own))
    return names


def main_sections(config, pages: dict, languages, has_news: bool) -> dict:
    """The menu's top level in every language, from mkdocs.yml's nav and the
    pages' own titles: the 404 page, one file for all, shows the reader's."""
    translations = {lang.locale: lang.nav_translations or {} for lang in config.plugins["i18n"].config.languages}
    sections = {}
    for locale in languages.locales:
        root, items = languages.root(locale), []
        for entry in config.nav or []:
            title, target = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
            if isinstance(target, list):  # a section: its first page is its index
                target = next(iter(target[0].values())) if isinstance(target[0], dict) else target[0]
                title = translations[locale].get(title, title)
            stem = target[:-3]
            meta = pages.get(languages.source_name(stem, locale), {})
            url = root + ("" if stem == "index" else stem.removesuffix("index") if stem.endswith("/index") else stem + "/")
            items.append((title or meta.get("title", stem), url))
        if has_news:
            at = next((i for i, (_, url) in enumerate(items) if url.endswith(places.PAGES[places.NEWS_BEFORE] + "/")),
                      len(items))
            items.insert(at, (None, f"{root}{places.NEWS}/"))  # titled by ui.yml's news_title
        sections[locale] = tuple(items)
    return sections
