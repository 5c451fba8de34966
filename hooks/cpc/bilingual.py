"""The bilingual rules, in one place for the build, `make check` and the tests.

- A page is a pair: `page.md` in the default language (Norwegian) beside
  `page.en.md` in English. Both must exist, except for news posts, whose
  English version is optional.
- The default language lives at the site root, every other at `<locale>/`.
- Files that are not pages (images, attachments) are shared: one copy, at
  the same address for every language.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from cpc import places

# Folders whose pages may exist in the default language only (news posts).
OPTIONAL_TRANSLATION_DIRS = (f"{places.NEWS}/",)
# Messages to staff are in Norwegian, then English, whatever the site's locales.
MESSAGE_LANGUAGES = NORWEGIAN, ENGLISH = ("nb", "en")
# How each language is named in those messages.
LANGUAGE_NAMES = {"nb": {NORWEGIAN: "norsk", ENGLISH: "Norwegian"}, "en": {NORWEGIAN: "engelsk", ENGLISH: "English"}}


@dataclass(frozen=True)
class Languages:
    default: str
    locales: tuple[str, ...]
    names: dict  # locale -> its own name, as the switcher shows it

    @classmethod
    def from_config(cls, config) -> "Languages":
        """From the i18n plugin's settings in a loaded MkDocs config."""
        try:
            languages = config.plugins["i18n"].config.languages
        except KeyError as error:
            raise PluginError("mkdocs.yml: the i18n plugin is not configured.") from error
        default = next(lang.locale for lang in languages if lang.default)
        return cls(default, tuple(lang.locale for lang in languages), {lang.locale: lang.name for lang in languages})

    @classmethod
    def from_mkdocs_yml(cls, path: Path) -> "Languages":
        """Read mkdocs.yml with MkDocs's own loader (for `make check`)."""
        from mkdocs.config import load_config

        return cls.from_config(load_config(config_file=str(path)))

    def root(self, locale: str) -> str:
        """Site-relative folder of a language: '' or 'en/'."""
        return "" if locale == self.default else f"{locale}/"

    @property
    def last_built(self) -> str:
        """static-i18n builds the default language first, then the others in order."""
        return [locale for locale in self.locales if locale != self.default][-1] if len(self.locales) > 1 else self.default

    def split(self, rel: str) -> tuple[str, str]:
        """'om.en.md' -> ('om', 'en'); 'om.md' -> ('om', 'nb')."""
        stem = rel[:-3] if rel.endswith(".md") else rel
        for locale in self.locales:
            if locale != self.default and stem.endswith("." + locale):
                return stem[: -len(locale) - 1], locale
        return stem, self.default

    def source_name(self, stem: str, locale: str) -> str:
        return f"{stem}.md" if locale == self.default else f"{stem}.{locale}.md"

    def language_name(self, locale: str, in_language: str) -> str:
        return LANGUAGE_NAMES.get(locale, {}).get(in_language, locale)


# Extensions of Markdown files; only the first makes a page.
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")
# A page's file and folder names become its address.
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FOLDED = {"æ": "ae", "ø": "o", "å": "a"}


def slug(text: str) -> str:
    """A file name as an address: 'Besøk på anlegg' -> 'besok-pa-anlegg'."""
    text = "".join(FOLDED.get(char, char) for char in text.lower())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "side"


def name_problem(rel: str, languages: Languages) -> tuple[str, str] | None:
    """(Norwegian, English) saying exactly what to rename a Markdown file to,
    when its name cannot become a page as staff meant it; else None."""
    *folders, name = rel.split("/")
    base, dot, suffix = name.rpartition(".")
    if not dot or f".{suffix.lower()}" not in MARKDOWN_SUFFIXES:
        return None
    lang = ""
    stem, dot, tail = base.rpartition(".")
    if dot and tail.lower() in languages.locales:
        base = stem
        lang = "" if tail.lower() == languages.default else f".{tail.lower()}"
    fixed_folders = [slug(folder) for folder in folders]
    if folders and folders[0] == places.NEWS and len(folders) > 1:
        fixed_folders = [places.NEWS]  # posts live in the news folder itself
    fixed = "/".join([*fixed_folders, slug(base) + lang + ".md"])
    if fixed == rel:
        return None
    if fixed_folders != folders and folders[:1] == [places.NEWS]:
        return (f"Nyheter må ligge rett i mappen docs/{places.NEWS}/, ikke i en undermappe. Flytt filen til docs/{fixed}.",
                f"News posts must be in the folder docs/{places.NEWS}/ itself, not in a subfolder. Move the file to "
                f"docs/{fixed}.")
    return (f"Filnavnet blir ikke en side slik det står. Gi filen navnet docs/{fixed} (små bokstaver a–z, tall og "
            "bindestrek, uten mellomrom og æ, ø, å, og endelsen .md eller .en.md i små bokstaver).",
            f"This file name does not become a page as written. Rename the file to docs/{fixed} (lower-case a–z, "
            "digits and hyphens, no spaces or æ, ø, å, and the ending .md or .en.md in lower case).")


def translation_is_optional(stem: str) -> bool:
    return stem.startswith(OPTIONAL_TRANSLATION_DIRS) and not stem.endswith("index")


@dataclass(frozen=True)
class MissingTranslation:
    have: str  # docs-relative file that exists
    want: str  # docs-relative file to create
    locale: str  # the missing language


def missing_translations(docs_dir: Path, languages: Languages) -> list[MissingTranslation]:
    """Every page that lacks one of its languages (news posts may lack English)."""
    found: dict[str, dict[str, str]] = {}
    for path in sorted(Path(docs_dir).rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        if name_problem(rel, languages):
            continue  # reported by its name; its pair cannot be known
        stem, locale = languages.split(rel)
        found.setdefault(stem, {})[locale] = rel
    missing = []
    for stem, versions in found.items():
        for locale in languages.locales:
            if locale in versions:
                continue
            if locale != languages.default and languages.default in versions and translation_is_optional(stem):
                continue
            have = versions.get(languages.default) or next(iter(versions.values()))
            missing.append(MissingTranslation(have, languages.source_name(stem, locale), locale))
    return missing


def share_assets(files, config) -> None:
    """Give a language build the docs/ files it lacks that are not pages.

    static-i18n leaves the default language's images and attachments out of
    other languages' builds (fallback is off, so pages never fall back); an
    English page linking to docs/nyheter/slides.pdf would then be a broken
    link. The file keeps its one address, so it is published once."""
    docs = Path(config.docs_dir)
    for path in sorted(docs.rglob("*")):
        src_uri = path.relative_to(docs).as_posix()
        if path.is_file() and not src_uri.endswith(".md") and files.get_file_from_path(src_uri) is None:
            files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
