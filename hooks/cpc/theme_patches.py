"""The few places where we change Material's own templates.

Each patch replaces an exact piece of a Material template's source before
Jinja compiles it, and must match exactly `count` times: after a Material
update that moves the markup, the build stops here instead of silently
losing the fix. Everything else is a block override or a partial in
overrides/.
"""
from __future__ import annotations

from dataclasses import dataclass

import jinja2
from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Patch:
    template: str
    old: str
    new: str
    count: int
    why: str


PATCHES = (
    Patch("base.html", ' type="checkbox" id="__drawer" autocomplete="off">', ' type="checkbox" id="__drawer">', 1,
          "autocomplete is not allowed on a checkbox (Nu HTML Checker)."),
    Patch("base.html", ' type="checkbox" id="__search" autocomplete="off">', ' type="checkbox" id="__search">', 1,
          "autocomplete is not allowed on a checkbox (Nu HTML Checker)."),
    Patch("base.html", """      {% if page.toc | first is defined %}
        {% set skip = page.toc | first %}
        <a href="{{ skip.url | url }}" class="md-skip">
          {{ lang.t("action.skip") }}
        </a>
      {% endif %}""", '{% include "partials/cpc-skip.html" %}', 1,
          "our skip link goes to <main> on every page; Material's jumps to the first heading, on some pages only."),
    Patch("base.html", '<main class="md-main" data-md-component="main">',
          '<main id="main" class="md-main" data-md-component="main" tabindex="-1">', 1,
          "the skip link's target; tabindex lets it take focus."),
    # Material's script is named, not loaded, here: overrides/main.html loads
    # it after the first paint, so the page shows without waiting for it.
    Patch("base.html", """<script src="{{ 'assets/javascripts/bundle.""",
          """<script type="application/json" data-cpc-material>"{{ 'assets/javascripts/bundle.""", 1,
          "Material's script is loaded after the first paint (overrides/main.html; make bench measures why)."),
    Patch("base.html", """.min.js' | url }}"></script>""", """.min.js' | url }}"</script>""", 1,
          "Material's script is loaded after the first paint (overrides/main.html; make bench measures why)."),
    Patch("partials/header.html", '{% if "material/search" in config.plugins %}',
          '{% include "partials/cpc-search.html" %}\n    {% if "material/search" in config.plugins %}', 1,
          "our search (Pagefind) sits where Material's would, in the header."),
    Patch("partials/nav-item.html", 'tabindex="{{ tabindex }}"', '{% if tabindex %}tabindex="{{ tabindex }}"{% endif %}', 2,
          "a section's label would get an empty tabindex (Nu HTML Checker)."),
    Patch("partials/tabs-item.html", "{% if ref.active %}", "{% if ref.active or ref.url == cpc.current_tab %}", 1,
          "a post is not in the menu, yet belongs to the news: its tab is marked current (views.PageView.current_tab)."),
    Patch("partials/nav-item.html", '<a href="{{ nav_item.url | url }}" class="md-nav__link">',
          '<a href="{{ nav_item.url | url }}" class="md-nav__link{% if nav_item.url == cpc.current_tab %} '
          'md-nav__link--active{% endif %}">', 1,
          "a post is not in the menu, yet belongs to the news: the phone's drawer marks News as the tabs do."),
    Patch("partials/path.html", """<nav class="md-path" aria-label="{{ lang.t('nav') }}\"""",
          """<nav class="md-path" aria-label="{{ cpc.ui.breadcrumb_label }}\"""", 1,
          "the breadcrumbs would share the menu's name, and landmarks need names of their own (axe: landmark-unique)."),
    Patch("partials/toc.html", '<label class="md-nav__title" for="__toc">',
          '<label class="md-nav__title"{% if page in nav.pages %} for="__toc"{% endif %}>', 1,
          "pages outside the menu have no __toc toggle for the label to point at (Nu HTML Checker)."),
)


def patched_sources(loader: jinja2.BaseLoader, env: jinja2.Environment, patches=PATCHES) -> dict[str, str]:
    """Material's template sources with our patches applied; raises if one no longer applies."""
    sources: dict[str, str] = {}
    for patch in patches:
        if patch.template not in sources:
            sources[patch.template] = loader.get_source(env, patch.template)[0]
        found = sources[patch.template].count(patch.old)
        if found != patch.count:
            raise PluginError(
                f"hooks/cpc/theme_patches.py: expected {patch.count} × {patch.old!r} in Material's "
                f"{patch.template}, found {found}. Has Material's markup changed? The patch was there because "
                f"{patch.why}")
        sources[patch.template] = sources[patch.template].replace(patch.old, patch.new)
    return sources


def apply(env: jinja2.Environment) -> jinja2.Environment:
    """Serve the patched templates first; everything else as before."""
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader(patched_sources(env.loader, env)), env.loader])
    return env
