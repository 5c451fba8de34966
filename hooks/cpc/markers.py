"""Marker lines in a page's Markdown that become generated blocks:
`<!-- cpc-goals -->`, `<!-- cpc-contact-form -->`, `<!-- cpc-form-service -->`,
`<!-- cpc-members -->`, `<!-- cpc-people -->` and `<!-- cpc-focus-areas -->`;
and a long page's list of sections under its title.

Each marker calls a Jinja macro with plain data, as Material's own
documentation hooks do: the markup stays in overrides/partials/.
"""
from __future__ import annotations

import re

import jinja2
from mkdocs.exceptions import PluginError

from cpc import forms, goals, strings

GOALS_MACROS = "partials/cpc-goals.html"
FORM_MACROS = "partials/cpc-forms.html"
PICTURE_MACRO = "partials/cpc-picture.html"


class Macros:
    """Our partials' macros, callable from Python; strict and autoescaped."""

    def __init__(self, theme):
        self.env = theme.get_env().overlay(autoescape=True, undefined=jinja2.StrictUndefined)
        add_filters(self.env)

    def call(self, template: str, macro: str, where: str, *args) -> str:
        try:
            return str(getattr(self.env.get_template(template).module, macro)(*args))
        except jinja2.TemplateError as error:
            raise PluginError(f"{where}: cannot render the {macro} macro of overrides/{template}: {error}") from error


def add_filters(env: jinja2.Environment) -> jinja2.Environment:
    """What every template may use besides Jinja's own: `fill` for ui.yml placeholders."""
    env.filters["fill"] = lambda text, **values: strings.fill(text, **values)
    return env


MEMBERS_MARKER = "<!-- cpc-members -->"
# Every marker staff may write, each alone on its line, with what it may
# take after its name (rules.py checks them for `make check` and the build).
NAMES = {"cpc-goals": {}, "cpc-contact-form": {"topic": forms.TOPICS}, "cpc-form-service": {}, "cpc-members": {},
         "cpc-people": {}, "cpc-focus-areas": {}}
PEOPLE_MARKER = "<!-- cpc-people -->"
DIRECTORY_MACROS = "partials/cpc-directory.html"


def replace(html: str, where: str, macros: Macros, goal_views, form_for_topic, service, ui, lang: str,
            members, people) -> str:
    """The page's HTML with each marker replaced by its block.

    `goal_views()`, `form_for_topic(topic)`, `members()` and `people()` make
    their data only when the page has that marker."""
    if MEMBERS_MARKER in html:
        html = html.replace(MEMBERS_MARKER, macros.call(DIRECTORY_MACROS, "member_wall", where, members(), ui, "h2"))
    if PEOPLE_MARKER in html:
        html = html.replace(PEOPLE_MARKER, macros.call(DIRECTORY_MACROS, "people", where, people(), ui))
    if goals.MARKER in html:
        heading = heading_below(html[:html.index(goals.MARKER)])
        html = html.replace(goals.MARKER, macros.call(GOALS_MACROS, "full", where, goal_views(), ui, heading))
    if forms.SERVICE_MARKER in html:
        html = html.replace(forms.SERVICE_MARKER, macros.call(FORM_MACROS, "form_service", where, service, ui, lang))
    topic = forms.find_topic(html, where)
    if topic is not None:
        form = macros.call(FORM_MACROS, "contact_form", where, form_for_topic(topic), ui)
        html = forms.MARKER.sub(lambda _: form, html)
    return html


HEADING_TAG = re.compile(r"<h([1-6])\b", re.IGNORECASE)


def heading_below(before: str) -> str:
    """The tag for headings one level below the last heading in `before`:
    a block's titles under the page title are h2, under an h2 they are h3
    (a skipped level fails axe's heading-order)."""
    levels = HEADING_TAG.findall(before)
    return f"h{min(int(levels[-1]) + 1, 6) if levels else 2}"


PAGE_TOC_MACROS = "partials/cpc-page-toc.html"
TITLE_END = "</h1>"


def after_title(html: str, where: str, macros: Macros, entries: tuple, ui) -> str:
    """A long page's list of sections, right under its title (views.inline_toc)."""
    if not entries or TITLE_END not in html:
        return html
    toc = macros.call(PAGE_TOC_MACROS, "page_toc", where, entries, ui)
    return html.replace(TITLE_END, TITLE_END + toc, 1)


FOCUS_MARKER = "<!-- cpc-focus-areas -->"
FOCUS_MACROS = "partials/cpc-focus.html"


def focus_cards(html: str, where: str, macros: Macros, areas) -> str:
    """The focus areas as cards at the page's marker. Runs once every page
    is read (on_page_context), since the cards show the areas' descriptions."""
    if FOCUS_MARKER not in html:
        return html
    return html.replace(FOCUS_MARKER, macros.call(FOCUS_MACROS, "cards", where, areas(), "h2"))
