"""What one build knows, made once in on_config and passed to every step.

Nothing is kept in module globals or in config.extra: the pipeline holds one
`Site`, and templates get one `cpc` object per page from `page_view`.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import StrictUndefined, TemplateError
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from cpc import bilingual, forms, freshness, goals

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

    def alternates(self, page) -> list[dict]:
        """The same page in every language: for the switcher and hreflang."""
        items = []
        for locale in self.languages.locales:
            other = page.file.alternates.get(locale) if page else None
            url = other.url if other is not None else self.languages.root(locale)
            url = "" if url == "./" else url
            items.append({
                "lang": locale,
                "name": self.languages.names[locale],
                "absolute": self.site_url + url,
                # Relative, so a deploy under a sub-path works.
                "href": get_relative_url(url or ".", page.url or ".") if page else url,
                "current": page is not None and locale == page.file.locale,
            })
        return items

    def page_view(self, page) -> dict:
        lang = page.file.locale
        view = {
            "lang": lang,
            "ui": self.ui[lang],
            "root": self.languages.root(lang),
            "alternates": self.alternates(page),
            "default_lang": self.languages.default,
            "newer_versions": freshness.newer_versions(self.commit_times, page),
            "other_ui": {locale: strings for locale, strings in self.ui.items() if locale != lang},
        }
        if page.meta.get("template") == "home.html":
            view["goals"] = goals.views(self.goals, lang, self.ui[lang], compact=True)
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
