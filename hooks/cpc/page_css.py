"""Each page's CSS, in the page: the rules of Material's stylesheets and ours
that can apply to it, and nothing it cannot use.

A page's first paint then waits for no stylesheet request at all. A rule is
kept when one of its selectors can match: every class, element and palette
attribute it needs (outside :not(), :is() and the like) occurs in the page's
final HTML, or a site script may add it later (class names in Material's
bundle and ours; elements scripts create). Custom properties no kept rule
reads are dropped. @keyframes and the structure of @media stay as they are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from cpc import assets

COMMENT = re.compile(r"/\*.*?\*/", re.S)
# Arguments of functional pseudo-classes are alternatives or negations: they
# never make a class required, so they are dropped before classes are read.
PSEUDO_ARGUMENTS = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\((?:[^()]|\([^()]*\))*\)")
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
# Attributes whose value decides whether a rule can apply: the palette
# (Material sets it on <body> from the palette's own inputs) and the direction.
PALETTE = re.compile(r"""\[(data-md-color-(?:primary|accent|scheme)|dir)=["']?([\w-]+)["']?\]""")
# Element names in a selector (after classes, ids and attributes are gone).
TYPE = re.compile(r"(?:^|[\s>+~])([a-z][a-z0-9]*)")
TAG = re.compile(r"<([a-z][a-z0-9]*)")
# Elements that scripts (Material's and ours) may create after the first paint.
SCRIPT_TAGS = frozenset("div span a button li ol ul p article nav aside header section input label svg path mark "
                        "code time strong em h1 h2 h3 h4 h5 h6 form textarea select option iframe".split())
VARIABLE_USE = re.compile(r"var\((--[\w-]+)")
DECLARATION = re.compile(r"(--[\w-]+)\s*:")
CLASS_ATTRIBUTE = re.compile(r'\sclass="([^"]*)"')
# Class names a script may set: what it adds with classList ("js",
# "md-header--shadow", ...), the classes of elements Material's script
# creates (class:"..."), and in our own scripts any md-… or cpc-… word.
SCRIPT_CLASS = re.compile(r"""classList\.(?:add|toggle)\(["']([\w-]+)|\bclass:"([\w\s-]+)\"""")
OUR_SCRIPT_CLASS = re.compile(r"\b((?:md|cpc)-[\w-]+)")
# Class names Material's script builds at runtime (`md-tag--${...}`): no
# regex can read them, so they are listed here, and every class starting
# with one counts as available. The build stops when the bundle builds one
# that is not listed, so no element can go unstyled unnoticed.
RUNTIME_CLASS = re.compile(r"(?<![\w-])(md-[\w-]*?)\$\{")
RUNTIME_CLASS_PREFIXES = ("md-tag--", "md-source__fact--")
GROUPING = ("@media", "@supports", "@layer", "@container", "@document")


@dataclass(frozen=True)
class Declaration:
    text: str
    defines: str | None  # the custom property it sets, if any
    reads: frozenset  # the custom properties it reads


@dataclass(frozen=True)
class Rule:
    prelude: str  # selectors, or an at-rule's head
    body: str  # the text between the braces
    children: tuple = ()  # rules inside a grouping at-rule
    needs: tuple = ()  # what each selector needs; the rule applies if any selector's needs are met
    declarations: tuple = ()  # of a style rule, split once


def _blocks(css: str):
    """(prelude, body) for each top-level block, braces and strings respected."""
    at, depth, start, quote = 0, 0, 0, None
    for index, char in enumerate(css):
        if quote:
            if char == quote and css[index - 1] != "\\":
                quote = None
            continue
        if char in "\"'":
            quote = char
        elif char == "{":
            if depth == 0:
                start = index
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                yield css[at:start].strip(), css[start + 1:index]
                at = index + 1
        elif char == ";" and depth == 0:
            # @charset and @import end with a semicolon.
            yield css[at:index + 1].strip(), None
            at = index + 1


def _needs(selectors: str) -> tuple:
    """For each selector: the classes, elements and palette values it needs."""
    needs = []
    for selector in selectors.split(","):
        plain = PSEUDO_ARGUMENTS.sub("", selector)
        wanted = {"." + c for c in CLASS.findall(plain)}
        wanted |= {f'{attribute}="{value}"' for attribute, value in PALETTE.findall(plain)}
        bare = re.sub(r"\[[^\]]*\]|[.#][\w-]+|::?[\w-]+", " ", plain)
        wanted |= {"<" + tag for tag in TYPE.findall(bare) if tag not in ("html", "body")}
        needs.append(frozenset(wanted))
    return tuple(needs)


def parse(css: str) -> list[Rule]:
    rules = []
    for prelude, body in _blocks(COMMENT.sub("", css)):
        if body is None:
            rules.append(Rule(prelude, ""))
        elif prelude.startswith(GROUPING):
            rules.append(Rule(prelude, body, tuple(parse(body))))
        elif prelude.startswith("@"):
            rules.append(Rule(prelude, body))  # @keyframes, @font-face, @page: kept whole
        else:
            rules.append(Rule(prelude, body, needs=_needs(prelude), declarations=tuple(
                _declaration(text) for text in _declarations(body))))
    return rules


def _declaration(text: str) -> Declaration:
    name = text.strip().split(":", 1)[0].strip()
    return Declaration(text, name if name.startswith("--") else None, frozenset(VARIABLE_USE.findall(text)))


def _select(rules, used: frozenset) -> list[Rule]:
    """The rules that can apply, @media and the like only where something is left."""
    kept = []
    for rule in rules:
        if rule.children:
            inner = _select(rule.children, used)
            if inner:
                kept.append(Rule(rule.prelude, rule.body, tuple(inner)))
        elif not rule.needs or not any(rule.needs) or any(needed <= used for needed in rule.needs):
            kept.append(rule)
    return kept


def _declarations(body: str) -> list[str]:
    """Split a rule's body at the semicolons outside strings and brackets."""
    parts, depth, quote, start = [], 0, None, 0
    for index, char in enumerate(body):
        if quote:
            quote = None if char == quote and body[index - 1] != "\\" else quote
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == ";" and depth == 0:
            parts.append(body[start:index])
            start = index + 1
    parts.append(body[start:])
    return [part for part in parts if part.strip()]


def _flat(rules):
    for rule in rules:
        yield rule
        yield from _flat(rule.children)


def _drop_unused_variables(rules: list[Rule]) -> list[Rule]:
    """Drop custom property declarations that nothing reads, until none is left."""
    kept = {id(d): d for r in _flat(rules) for d in r.declarations}
    while True:
        read = set().union(*(d.reads for d in kept.values()))
        unused = [key for key, d in kept.items() if d.defines and d.defines not in read]
        if not unused:
            break
        for key in unused:
            del kept[key]

    def prune(rules):
        out = []
        for rule in rules:
            if rule.children:
                inner = prune(rule.children)
                if inner:
                    out.append(Rule(rule.prelude, rule.body, tuple(inner)))
            elif not rule.declarations:
                out.append(rule)
            else:
                declarations = tuple(d for d in rule.declarations if id(d) in kept)
                if declarations:
                    out.append(Rule(rule.prelude, ";".join(d.text for d in declarations), needs=rule.needs,
                                    declarations=declarations))
        return out

    return prune(rules)


def _write(rules) -> str:
    out = []
    for rule in rules:
        if rule.children:
            out.append(f"{rule.prelude}{{{_write(rule.children)}}}")
        elif rule.prelude.startswith("@") and not rule.body:
            out.append(rule.prelude)
        else:
            out.append(f"{rule.prelude}{{{rule.body}}}")
    return "".join(out)


def used_by(html: str, script_classes: frozenset = frozenset()) -> frozenset:
    """What a page offers selectors: its classes, elements and palette values."""
    used = set(script_classes)
    used |= {"." + name for value in CLASS_ATTRIBUTE.findall(html) for name in value.split()}
    used |= {"<" + tag for tag in TAG.findall(html)} | {"<" + tag for tag in SCRIPT_TAGS}
    used |= {f'{a}="{v}"' for a, v in re.findall(r'\s(data-md-color-(?:primary|accent|scheme)|dir)="([\w-]+)"', html)}
    return frozenset(used)


def select(rules: list[Rule], used: frozenset) -> str:
    """The CSS text of the rules that can apply where `used` is on offer."""
    return _write(_drop_unused_variables(_select(rules, used)))


class PageCss:
    """The site's CSS, parsed once per build; `for_page` picks a page's rules."""

    PLACEHOLDER = "/*cpc-page-css*/"

    def __init__(self, theme_dirs, docs_dir: Path):
        texts = [assets.theme_file(theme_dirs, pattern).read_text(encoding="utf-8") for pattern in assets.MATERIAL_CSS]
        texts.append((Path(docs_dir) / assets.OUR_CSS).read_text(encoding="utf-8"))
        self.rules = parse("\n".join(assets.SOURCE_MAP.sub("", text) for text in texts))
        bundle = assets.theme_file(theme_dirs, assets.MATERIAL_JS)
        material = bundle.read_text(encoding="utf-8")
        built = set(RUNTIME_CLASS.findall(material))
        if built != set(RUNTIME_CLASS_PREFIXES):
            raise PluginError(f"hooks/cpc/page_css.py: Material's {bundle.name} builds the classes {sorted(built)} at "
                              f"runtime, but RUNTIME_CLASS_PREFIXES lists {sorted(RUNTIME_CLASS_PREFIXES)}. Update the "
                              "list, so their rules are kept.")
        names = {name for pair in SCRIPT_CLASS.findall(material) for value in pair for name in value.split()}
        for path in Path(docs_dir, "assets", "javascripts").glob("*.js"):
            names |= set(OUR_SCRIPT_CLASS.findall(path.read_text(encoding="utf-8")))
        runtime = {name for rule in _flat(self.rules) for selector in rule.needs for name in selector
                   if name.startswith(tuple("." + prefix for prefix in RUNTIME_CLASS_PREFIXES))}
        self.script_classes = frozenset("." + name for name in names) | runtime
        self._cache: dict[frozenset, str] = {}

    def for_page(self, html: str) -> str:
        used = used_by(html, self.script_classes)
        if used not in self._cache:  # pages built alike (news posts) share one result
            self._cache[used] = select(self.rules, used)
        return self._cache[used]

    def fill(self, html: str, where: str) -> str:
        if html.count(self.PLACEHOLDER) != 1:
            raise PluginError(f"page_css: {where} has {html.count(self.PLACEHOLDER)} CSS placeholders; "
                              "overrides/main.html writes one.")
        return html.replace(self.PLACEHOLDER, self.for_page(html))
