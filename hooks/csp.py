"""Content-Security-Policy as a <meta http-equiv> on every page, the 404 included.

GitHub Pages cannot send headers, so the policy travels in the HTML. Inline
scripts are allowed one by one through SHA-256 hashes of their final text,
computed here; 'unsafe-inline' is never granted to scripts.

- style-src is 'self' only: Material's HTML has no style attributes or <style>
  elements, and its JavaScript changes styles through the CSSOM
  (element.style.x = ...), which CSP does not restrict. tests/test_quality_csp.py
  fails on any violation, so a need for 'unsafe-inline' would show there.
- frame-ancestors, report-uri and sandbox are ignored in a <meta> policy.
"""
from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
# Types a browser executes; anything else (application/json, ...) is data.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
# Inline event handlers would need 'unsafe-hashes'; we allow none.
EVENT_HANDLER = re.compile(r"<[a-z][^<>]*\son[a-z]+\s*=", re.I)
HEAD_START = re.compile(r"<head>\s*<meta charset=\"utf-8\">", re.I)


def endpoint_origin(config) -> str:
    endpoint = config.extra.get("contact_form_endpoint") or ""
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PluginError(f"mkdocs.yml: extra.contact_form_endpoint must be an http(s) URL, got {endpoint!r}.")
    return f"{parts.scheme}://{parts.netloc}"


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for attributes, body in SCRIPT.findall(html):
        if re.search(r"\bsrc\s*=", attributes, re.I):
            continue
        found = SCRIPT_TYPE.search(attributes)
        if (found.group(1).lower() if found else "") not in EXECUTABLE_TYPES:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        if f"'sha256-{digest}'" not in hashes:
            hashes.append(f"'sha256-{digest}'")
    return hashes


def policy(html: str, origin: str) -> str:
    directives = [
        "default-src 'self'",
        "script-src " + " ".join(["'self'", *inline_script_hashes(html)]),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        f"connect-src 'self' {origin}",
        # 'self' too: the form service redirects a post without script back
        # to our thank-you page, and Chromium checks form-action on redirects.
        f"form-action 'self' {origin}",
        "base-uri 'self'",
        "object-src 'none'",
    ]
    return "; ".join(directives)


def add_policy(html: str, origin: str, where: str) -> str:
    if EVENT_HANDLER.search(html):
        raise PluginError(f"csp: {where} has an inline event handler (on...=); move it into a script file.")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, origin)}">'
    # Right after the charset, which must stay within the first 1024 bytes;
    # everything that can load or run comes after the policy.
    html, count = HEAD_START.subn(lambda m: m.group(0) + meta, html, count=1)
    if count != 1:
        raise PluginError(f'csp: {where} does not start its <head> with <meta charset="utf-8">.')
    return html


@event_priority(-90)  # after the other hooks have changed the page
def on_post_page(output, page, config):
    return add_policy(output, endpoint_origin(config), f"docs/{page.file.src_uri}")


@event_priority(-90)  # before hooks/translations.py keeps the 404 page (-100)
def on_post_template(output, template_name, config):
    if template_name != "404.html":
        return output
    return add_policy(output, endpoint_origin(config), template_name)
