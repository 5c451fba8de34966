"""Small, checked fixes to Material's HTML so our pages pass axe and the Nu checker.

Each fix names the exact markup it expects and raises if it is gone, so a
Material update cannot silently undo a fix.
"""
from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

FIXES = [
    # autocomplete is not allowed on checkboxes (Nu HTML Checker).
    ("drawer/search toggles", re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"'), r"\1", 2),
    # autocorrect is not an HTML attribute (Nu HTML Checker).
    ("search input", re.compile(r'(<input type="text" class="md-search__input"[^>]*?) autocorrect="off"'), r"\1", 1),
    # Our skip link (overrides/main.html) replaces Material's, which only
    # exists on pages with headings and jumps to the first one.
    ("Material skip link", re.compile(r'(<div data-md-component="skip">)\s*<a href="[^"]*" class="md-skip">[^<]*</a>'), r"\1", None),
    # Material's repository widget fetches facts from api.github.com: a
    # third-party request. The "edit this page" button still links to GitHub.
    ("repository widget", re.compile(r'<div class="md-(?:header|nav)__source">\s*<a [^>]*data-md-component="source".*?</a>\s*</div>', re.S), "", 2),
    # The skip link's target; tabindex lets it take focus.
    ("main landmark", re.compile(r'<main class="md-main" data-md-component="main">'), '<main id="main" class="md-main" data-md-component="main" tabindex="-1">', 1),
    # Each language's name in the switcher is spoken in that language
    # (WCAG 3.1.2, language of parts).
    ("language switcher links", re.compile(r'(<a href="[^"]*" hreflang="([a-z]{2})") (class="md-select__link">)'), r'\1 lang="\2" \3', 2),
    # The search results box is a Tab stop even while empty, so focus
    # vanishes there. Material moves through results with the arrow keys;
    # cpc.css hides the box while search is closed (axe:
    # scrollable-region-focusable).
    ("search results tab stop", re.compile(r'(<div class="md-search__scrollwrap") tabindex="0"'), r'\1 tabindex="-1"', 1),
    # A section's index page gets an empty tabindex on its nav label
    # (Nu HTML Checker); only those pages have it.
    ("empty nav tabindex", re.compile(r'(<label class="md-nav__link[^"]*" for="[^"]*" id="[^"]*") tabindex=""'), r"\1", None),
]
TOC_TOGGLE = 'id="__toc"'
TOC_LABEL = '<label class="md-nav__title" for="__toc">'
SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog">')


def fix_html(html: str, search_label: str, where: str) -> str:
    for name, pattern, replacement, expected in FIXES:
        html, count = pattern.subn(replacement, html)
        if expected is not None and count != expected:
            raise PluginError(f"html_fixes: expected {expected} × {name} in {where}, found {count}. Has Material's markup changed?")
    # Pages outside the nav have a table of contents but no __toc toggle for
    # its title to label (Nu HTML Checker).
    if TOC_TOGGLE not in html:
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    # The search dialog needs an accessible name (axe: aria-dialog-name).
    html, count = SEARCH_DIALOG.subn(f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{search_label}">', html)
    if count != 1:
        raise PluginError(f"html_fixes: expected one search dialog in {where}, found {count}.")
    return html


def on_post_page(output, page, config):
    return fix_html(output, config.extra["ui"][page.file.locale]["search_dialog"], f"docs/{page.file.src_uri}")


def on_post_template(output, template_name, config):
    if template_name != "404.html":
        return output
    locale = config.extra["default_locale"]
    return fix_html(output, config.extra["ui"][locale]["search_dialog"], template_name)
