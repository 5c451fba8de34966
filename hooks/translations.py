"""Bilingual plumbing: page parity, interface strings and the language switcher.

- Every page must exist in every language (page.md beside page.en.md). We do
  not let static-i18n fall back to Norwegian under /en/ with lang="en".
- data/ui.yml holds interface texts once per language; templates get the
  page's language as `ui`, other hooks read config.extra.ui[lang].
- The switcher and hreflang links point at the same page in the other language.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

UI_FILE = "data/ui.yml"


def i18n_languages(config) -> tuple[str, list[str]]:
    """Return (default locale, all locales) from the i18n plugin config."""
    try:
        languages = config.plugins["i18n"].config.languages
    except KeyError as error:
        raise PluginError("mkdocs.yml: the i18n plugin is not configured.") from error
    default = next(lang.locale for lang in languages if lang.default)
    return default, [lang.locale for lang in languages]


def missing_translations(docs_dir: Path, default: str, locales: list[str]) -> list[str]:
    """List a readable line for every page that lacks one of its languages."""
    found: dict[str, set[str]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        stem, lang = rel[:-3], default
        for locale in locales:
            if locale != default and stem.endswith("." + locale):
                stem, lang = stem[: -len(locale) - 1], locale
        found.setdefault(stem, set()).add(lang)
    problems = []
    for stem, langs in found.items():
        for locale in locales:
            if locale not in langs:
                have = f"docs/{stem}.md" if default in langs else f"docs/{stem}.{sorted(langs)[0]}.md"
                want = f"docs/{stem}.md" if locale == default else f"docs/{stem}.{locale}.md"
                problems.append(f"{have} has no '{locale}' translation: create {want}")
    return problems


def load_ui_strings(path: Path, locales: list[str]) -> dict[str, dict[str, str]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise PluginError(f"{UI_FILE}: file not found.") from error
    except yaml.YAMLError as error:
        raise PluginError(f"{UI_FILE}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise PluginError(f"{UI_FILE}: expected 'key: {{nb: ..., en: ...}}' entries.")
    strings: dict[str, dict[str, str]] = {locale: {} for locale in locales}
    for key, texts in data.items():
        if not isinstance(texts, dict):
            raise PluginError(f"{UI_FILE}: '{key}' must have one text per language ({', '.join(locales)}).")
        for locale in locales:
            text = texts.get(locale)
            if not isinstance(text, str) or not text.strip():
                raise PluginError(f"{UI_FILE}: '{key}' has no '{locale}' text. Add `{locale}: ...` under '{key}'.")
            strings[locale][key] = text
    return strings


def on_config(config):
    default, locales = i18n_languages(config)
    problems = missing_translations(Path(config.docs_dir), default, locales)
    if problems:
        raise PluginError("Missing translations:\n  " + "\n  ".join(problems))
    root = Path(config.config_file_path).parent
    config.extra["ui"] = load_ui_strings(root / UI_FILE, locales)
    # Other hooks read these rather than asking the i18n plugin again.
    config.extra["default_locale"] = default
    return config


@event_priority(-100)  # after static-i18n has reset the switcher links
def on_page_context(context, page, config, nav):
    # static-i18n gives every page file its locale.
    lang = page.file.locale
    context["page_lang"] = lang
    context["ui"] = config.extra["ui"][lang]
    # Site-relative prefix of this language's pages, for links in templates.
    context["lang_root"] = "" if lang == config.extra["default_locale"] else f"{lang}/"
    # static-i18n leaves the home page's switcher on absolute "/" and "/en/",
    # which break under a sub-path; use site-relative URLs for every page.
    alternates = page.file.alternates
    # static-i18n sets the attribute, which Jinja reads before the item.
    for alternate in getattr(config.extra, "alternate", None) or []:
        other = alternates.get(alternate["lang"])
        if other is None:
            raise PluginError(f"docs/{page.file.src_uri}: no '{alternate['lang']}' version found.")
        alternate["link"] = "" if other.url == "./" else other.url
    return context




def on_template_context(context, template_name, config):
    # The 404 page is not a Markdown page; it speaks the default language
    # around a body that carries every language.
    if template_name == "404.html":
        context["page_lang"] = config.extra["default_locale"]
        context["ui"] = config.extra["ui"][context["page_lang"]]
        context["lang_root"] = ""
    return context


_not_found_pages: dict[str, str] = {}


@event_priority(-100)  # after html_fixes has mended the page
def on_post_template(output, template_name, config):
    if template_name == "404.html":
        _not_found_pages[config.theme["language"]] = output
    return output


@event_priority(-200)  # after static-i18n has built every language
def on_post_build(config):
    # Each language build writes site/404.html and the last one would win;
    # keep the default language's, which shows every language's text.
    page = _not_found_pages.get(config.extra["default_locale"])
    if page is not None:
        (Path(config.site_dir) / "404.html").write_text(page, encoding="utf-8")
