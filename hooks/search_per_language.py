"""One search index per language.

static-i18n merges both languages into site/search/search_index.json, so a
reader would get results in both. After the build we split it: Norwegian
entries stay at /search/, English ones go to /en/search/ with the "en" lunr
pipeline only. English pages point Material's search at /en/ by rewriting the
"base" of their __config (only the search worker and results read it).
Every page also loads Material's worker through workers/cpc-search.js, which
adds stems to the query so Norwegian inflected forms are found.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# lunr's language code per site locale; lunr calls Norwegian "no".
LUNR_LANGUAGE = {"nb": "no", "en": "en"}
CONFIG_BASE = re.compile(r'("base":\s*")([^"]*)(")')
# Material's worker, to be wrapped by workers/cpc-search.js (see there why).
CONFIG_WORKER = re.compile(r'("search":\s*"[^"]*workers/)(search\.[0-9a-f]+\.min\.js)(")')


def wrap_search_worker(output: str, where: str) -> str:
    output, count = CONFIG_WORKER.subn(r"\1cpc-search.js?worker=\2\3", output, count=1)
    if count != 1:
        raise PluginError(f"search_per_language: no Material search worker found in {where}.")
    return output


def on_post_template(output, template_name, config):
    return wrap_search_worker(output, template_name) if template_name == "404.html" else output


def on_post_page(output, page, config):
    output = wrap_search_worker(output, page.file.dest_uri)
    default = config.extra["default_locale"]
    locale = page.file.locale
    if locale == default:
        return output
    output, count = CONFIG_BASE.subn(lambda m: f"{m[1]}{m[2].rstrip('/') or '.'}/{locale}/{m[3]}", output, count=1)
    if count != 1:
        raise PluginError(f"search_per_language: no Material __config base found in {page.file.dest_uri}.")
    return output


@event_priority(-200)  # after static-i18n has merged every language's index
def on_post_build(config):
    default, locales = config.extra["default_locale"], list(config.extra["ui"])
    site = Path(config.site_dir)
    merged_path = site / "search" / "search_index.json"
    if not merged_path.exists():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    for locale in locales:
        if locale not in LUNR_LANGUAGE:
            raise PluginError(f"search_per_language: no lunr language known for locale '{locale}'.")
        prefix = "" if locale == default else f"{locale}/"
        others = tuple(f"{other}/" for other in locales if other != default)
        if prefix:
            docs = [dict(doc, location=doc["location"][len(prefix):]) for doc in merged["docs"] if doc["location"].startswith(prefix)]
        else:
            docs = [doc for doc in merged["docs"] if not doc["location"].startswith(others)]
        index = dict(merged, config=dict(merged["config"], lang=[LUNR_LANGUAGE[locale]]), docs=docs)
        target = site / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
