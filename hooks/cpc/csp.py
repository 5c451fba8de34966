"""Content-Security-Policy as a <meta http-equiv> on every page, the 404 included.

GitHub Pages cannot send headers, so the policy travels in the HTML. Inline
scripts and styles are allowed one by one through SHA-256 hashes of their
final text; 'unsafe-inline' is never granted. This is the one step that
needs a page's final HTML.
"""
from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.exceptions import PluginError

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
# Types a browser executes; anything else (application/json, ...) is data.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
# Inline event handlers would need 'unsafe-hashes'; we allow none.
EVENT_HANDLER = re.compile(r"<[a-z][^<>]*\son[a-z]+\s*=", re.I)


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for attributes, body in SCRIPT.findall(html):
        if re.search(r"\bsrc\s*=", attributes, re.I):
            continue
        found = SCRIPT_TYPE.search(attributes)
        if (found.group(1).lower() if found else "") in EXECUTABLE_TYPES and _hash(body) not in hashes:
            hashes.append(_hash(body))
    return hashes


def inline_style_hashes(html: str) -> list[str]:
    return list(dict.fromkeys(_hash(body) for body in STYLE.findall(html)))


def policy(html: str, form_origin: str) -> str:
    directives = [
        "default-src 'self'",
        # 'wasm-unsafe-eval': the search engine (Pagefind) runs WebAssembly.
        "script-src " + " ".join(["'self'", "'wasm-unsafe-eval'", *inline_script_hashes(html)]),
        "style-src " + " ".join(["'self'", *inline_style_hashes(html)]),
        "img-src 'self' data:",
        "font-src 'self'",
        f"connect-src 'self' {form_origin}",
        # 'self' too: the form service redirects a post without script back
        # to our thank-you page, and Chromium checks form-action on redirects.
        f"form-action 'self' {form_origin}",
        "base-uri 'self'",
        "object-src 'none'",
    ]
    return "; ".join(directives)


PLACEHOLDER = 'content="cpc-csp-policy"'


def add_policy(html: str, form_origin: str, where: str) -> str:
    """Fill the policy into the <meta> that overrides/main.html writes first in <head>."""
    if EVENT_HANDLER.search(html):
        raise PluginError(f"csp: {where} has an inline event handler (on...=); move it into a script file.")
    if html.count(PLACEHOLDER) != 1:
        raise PluginError(f"csp: {where} has {html.count(PLACEHOLDER)} policy placeholders; overrides/main.html writes one.")
    return html.replace(PLACEHOLDER, f'content="{policy(html, form_origin)}"')
