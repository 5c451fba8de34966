"""Each page carries the CSS it can use (hooks/cpc/page_css.py): what is
kept and dropped, and that the built pages still look right in every mode."""
from __future__ import annotations


from cpc import page_css

CSS = """
.used{color:red}
.absent{color:blue}
.used:not(.absent){margin:0}
.used .absent,.used b{padding:0}
kbd{font:inherit}
@media print{.used{display:none}.absent{display:block}}
@media screen{.absent{color:green}}
:root{--kept:1px;--dropped:2px;--chain:var(--kept)}
.used{border-width:var(--chain)}
[data-md-color-primary=red]{color:red}
[data-md-color-primary=custom]{color:green}
@keyframes spin{to{transform:rotate(1turn)}}
"""


def select(html: str, css: str = CSS, script_classes=frozenset()) -> str:
    return page_css.select(page_css.parse(css), page_css.used_by(html, frozenset(script_classes)))


def test_rules_for_classes_and_elements_the_page_has_are_kept_others_dropped():
    out = select('<body data-md-color-primary="custom"><p class="used"><b>x</b></p></body>')
    assert ".used{color:red}" in out and ".absent{color:blue}" not in out
    # A class inside :not() is not required; one selector of a list is enough.
    assert ".used:not(.absent){margin:0}" in out and ".used .absent,.used b{padding:0}" in out
    assert "kbd{" not in out  # no <kbd> on the page
    # @media keeps its structure, with only what can apply; empty ones go.
    assert "@media print{.used{display:none}}" in out and "@media screen" not in out
    # Palette rules only for the palette the page uses.
    assert "[data-md-color-primary=custom]" in out and "[data-md-color-primary=red]" not in out
    assert "@keyframes spin" in out


def test_custom_properties_nothing_reads_are_dropped_chains_followed():
    out = select('<p class="used"></p>')
    assert "--chain:var(--kept)" in out and "--kept:1px" in out and "--dropped" not in out


def test_classes_a_script_adds_later_are_kept():
    out = select("<p></p>", script_classes={".absent"})
    assert ".absent{color:blue}" in out


def test_strings_with_braces_and_semicolons_survive():
    css = '.used{content:"{;}";background:url("data:image/svg+xml;charset=utf-8,<svg/>")}'
    assert select('<p class="used"></p>', css) == css
