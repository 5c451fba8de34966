"""What one build knows, made once in on_config and passed to every step.

Nothing is kept in module globals or in config.extra: the pipeline holds one
`Site`, and templates get one `cpc` object per page from `page_view`.
"""
from __future__ import annotations

import datetime
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import StrictUndefined, TemplateError
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from cpc import bilingual, feeds, forms, freshness, goals, news, news_pages, page_css

log = logging.getLogger("mkdocs.hooks.cpc")


@dataclass
class Site:
    root: Path
    docs_dir: Path
    site_dir: Path
    site_url: str
    languages: bilingual.Languages
    ui: dict  # locale -> {key: text}
    goals: list
    form_service: forms.FormService
    contact_email: str
    commit_times: freshness.CommitTimes | None
    news: news.News
    page_css: page_css.PageCss
    templates: object = field(repr=False)  # autoescaped Jinja env for our partials

    @classmethod
    def load(cls, config) -> "Site":
        root = Path(config.config_file_path).parent
        languages = bilingual.Languages.from_config(config)
        bilingual.check_parity(Path(config.docs_dir), languages)
        ui = bilingual.load_ui(root / bilingual.UI_FILE, languages)
        goals_file, goals_label = data_file(root, "GOALS_FILE", goals.GOALS_FILE)
        if not config.site_url:
            raise PluginError("mkdocs.yml: site_url is not set; canonical links, feeds and forms need it.")
        return cls(
            root=root,
            docs_dir=Path(config.docs_dir),
            site_dir=Path(config.site_dir),
            site_url=config.site_url,
            languages=languages,
            ui=ui,
            goals=goals.load_goals(goals_file, goals_label, languages.locales),
            form_service=forms.form_service(config),
            contact_email=config.extra["contact_email"],
            commit_times=commit_times(root),
            news=news.News(news.load_posts(Path(config.docs_dir), languages), languages.default, news.now()),
            page_css=page_css.PageCss(config.theme.dirs, Path(config.docs_dir)),
            # A missing ui.yml string must fail the build, not render as nothing.
            templates=config.theme.get_env().overlay(autoescape=True, undefined=StrictUndefined),
        )

    def render(self, template: str, where: str, **context) -> str:
        try:
            return self.templates.get_template(template).render(**context)
        except TemplateError as error:
            raise PluginError(f"{where}: cannot render overrides/{template}: {error} "
                              "(is a string missing from data/ui.yml?)") from error

    def watched_files(self) -> list[Path]:
        """Data files `make serve` reloads on."""
        return [self.root / "data"]

    # --- per page ---------------------------------------------------------

    def version_in(self, page, locale: str) -> tuple[str, bool]:
        """(URL, is it this page?): the page in `locale`, or else the nearest
        page that exists there, so the switcher never leads to a 404."""
        root = self.languages.root(locale)
        is_post = news.is_post(page.file.src_uri)
        is_listing = page.meta.get("template") == news_pages.TEMPLATE
        if locale == page.file.locale:
            return page.url, True
        if is_post:
            version = self.news.post_of(page.file.src_uri).versions.get(locale)
            if version:
                return news.post_url(version, self.languages), True
        elif is_listing:
            year = page.meta.get("news_year")
            if self.news.has(locale) and (not year or year in self.news.years(locale)):
                return root + page.url[len(self.languages.root(page.file.locale)):], True
        elif locale in page.file.alternates:
            return page.file.alternates[locale].url, True
        # A Norwegian-only post or archive year: that language's news page.
        return ((self.news_url(locale) if is_post or is_listing else None) or root), False

    def news_url(self, lang: str) -> str | None:
        return f"{self.languages.root(lang)}{news.FOLDER}/" if self.news.has(lang) else None

    def alternates(self, page) -> list[dict]:
        """The same page in every language: for the switcher and hreflang."""
        items = []
        for locale in self.languages.locales:
            url, same_page = self.version_in(page, locale)
            url = "" if url == "./" else url
            items.append({
                "lang": locale,
                "name": self.languages.names[locale],
                "absolute": self.site_url + url,
                # Relative, so a deploy under a sub-path works.
                "href": get_relative_url(url or ".", page.url or "."),
                "current": locale == page.file.locale,
                # hreflang only for real versions of this page.
                "same_page": same_page,
            })
        return items

    def page_view(self, page) -> dict:
        lang = page.file.locale
        ui = self.ui[lang]
        view = {
            "lang": lang,
            "ui": ui,
            "root": self.languages.root(lang),
            "alternates": self.alternates(page),
            "default_lang": self.languages.default,
            "newer_versions": freshness.newer_versions(self.commit_times, page),
            "other_ui": {locale: strings for locale, strings in self.ui.items() if locale != lang},
            "feed": {"href": self.site_url + feeds.feed_path(self, lang), "title": ui["news_feed_title"]}
            if self.news.has(lang) else None,
        }
        if page.meta.get("template") == "home.html":
            view["goals"] = goals.views(self.goals, lang, ui, compact=True)
            view["home_news"] = self.home_news(lang)
        if page.meta.get("template") == news_pages.TEMPLATE:
            view["news"] = self.listing(lang, page.meta.get("news_year"))
        if news.is_post(page.file.src_uri):
            view["post"] = self.post_view(page)
        return view

    # --- news ----------------------------------------------------------------

    def items(self, versions, lang: str) -> list[dict]:
        return [news.item_view(v, lang, self.ui[lang], self.languages) for v in versions]

    def listing(self, lang: str, year: int | None) -> dict:
        listed = self.news.listed_in(lang)
        past = self.news.not_upcoming(listed)
        if year:
            return {"year": year, "items": self.items([v for v in past if v.date.year == year], lang)}
        root = self.languages.root(lang)
        return {
            "year": None,
            "upcoming": self.items(self.news.upcoming(listed), lang),
            "latest": self.items(past[:news.LATEST_ON_NEWS_PAGE], lang),
            "years": [{"year": y, "url": f"{root}{news.FOLDER}/{y}/"} for y in self.news.years(lang)],
            "feed_url": feeds.feed_path(self, lang),
            "calendar_url": feeds.calendar_path(self, lang),
        }

    def home_news(self, lang: str) -> dict | None:
        if not self.news.has(lang):
            return None
        own = self.news.in_language(lang)
        upcoming = self.news.upcoming(own)
        return {
            "next_event": self.items(upcoming[:1], lang)[0] if upcoming else None,
            "latest": self.items(self.news.not_upcoming(own)[:news.LATEST_ON_HOME_PAGE], lang),
            "url": self.news_url(lang),
        }

    def post_view(self, page) -> dict:
        lang, ui = page.file.locale, self.ui[page.file.locale]
        version = self.news.post_of(page.file.src_uri).versions[lang]
        view = {
            "date_iso": version.date.isoformat(),
            "date_text": news.date_text(version.date, ui),
            # article:published_time: the post's date at midnight, Norwegian time.
            "published": datetime.datetime.combine(version.date, datetime.time(), news.OSLO).isoformat(),
            "event": None,
            # The image sits beside the post's Markdown, in the site's news folder.
            "image": {"src": get_relative_url(f"{news.FOLDER}/{version.image}", page.url), "alt": version.image_alt,
                      "absolute": f"{self.site_url}{news.FOLDER}/{version.image}"} if version.image else None,
        }
        if version.event:
            event = news.event_view(version.event, ui)
            event["ics_href"] = feeds.event_path(self, version).split("/")[-1]
            event["upcoming"] = self.news.is_upcoming(version)
            event["signup_open"] = self.news.signup_open(version)
            if event["signup_open"]:
                event["signup_form"] = forms.signup_html(self, page, {"title": version.title, "date_text": event["date_text"]})
            view["event"] = event
        return view

    def not_found_view(self) -> dict:
        """The one 404 page: default language around a body in every language."""
        lang = self.languages.default
        return {
            "lang": lang, "ui": self.ui[lang], "root": "", "alternates": [], "default_lang": lang,
            "newer_versions": [], "other_ui": {},
            "languages": [{"lang": locale, "root": self.languages.root(locale), "ui": self.ui[locale]}
                          for locale in self.languages.locales],
        }

    def goals_html(self, page) -> str:
        lang = page.file.locale
        views = goals.views(self.goals, lang, self.ui[lang], compact=False)
        return self.render("partials/cpc-goals-full.html", f"docs/{page.file.src_uri}", goals=views, ui=self.ui[lang])


def data_file(root: Path, variable: str, default: str) -> tuple[Path, str]:
    """A data file, or another one named in an environment variable (tests, previews)."""
    path = Path(os.environ.get(variable) or default)
    path = path if path.is_absolute() else root / path
    try:
        return path, path.relative_to(root).as_posix()
    except ValueError:
        return path, str(path)


def commit_times(root: Path) -> freshness.CommitTimes | None:
    problem = freshness.git_history_problem(root)
    if problem:
        log.info(f"Translation freshness notices are off: {problem}.")
        return None
    if freshness.is_shallow(root):
        log.info("Translation freshness: shallow git clone, so notices may be missing. Use `fetch-depth: 0` in CI.")
    return freshness.CommitTimes(root)
