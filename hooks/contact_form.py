"""The contact form: one partial, placed by a marker line in a page.

- `<!-- cpc-contact-form -->` (or `<!-- cpc-contact-form topic=membership -->`)
  on its own line is replaced by overrides/partials/cpc-contact-form.html,
  rendered in the page's language.
- extra.contact_form_endpoint must be https://; plain http:// is allowed only
  for 127.0.0.1 and localhost, where the tests run their own endpoint.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import StrictUndefined, TemplateError
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

PARTIAL = "partials/cpc-contact-form.html"
SCRIPT = "assets/javascripts/cpc-contact-form.js"
TOPICS = ("membership", "general", "project")
DEFAULT_TOPIC = "general"
MESSAGE_MAX_LENGTH = 5000
LOCAL_HOSTS = ("127.0.0.1", "localhost")
# Python-Markdown passes an HTML comment on its own line through unchanged.
MARKER = re.compile(r"^[ \t]*<!--\s*cpc-contact-form(?:\s+topic=([\w-]+))?\s*-->[ \t]*$", re.MULTILINE)

_env = None


def check_endpoint(url) -> str:
    """Return the endpoint URL, or raise PluginError saying what is wrong."""
    where = "mkdocs.yml: extra.contact_form_endpoint"
    if not isinstance(url, str) or not url.strip():
        raise PluginError(f"{where} is not set. Set it (or CONTACT_FORM_ENDPOINT) to the form service's https:// URL.")
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return url
    if parts.scheme == "http" and parts.hostname in LOCAL_HOSTS:
        return url
    raise PluginError(
        f"{where} must be an https:// URL (plain http:// only for 127.0.0.1 or localhost), "
        f"got {url!r}. Check CONTACT_FORM_ENDPOINT."
    )


def on_config(config):
    config.extra["contact_form_endpoint"] = check_endpoint(config.extra.get("contact_form_endpoint"))
    return config


def on_pre_build(config):
    global _env
    _env = None


def template_env(config):
    """The theme's Jinja environment; pages are converted before on_env runs."""
    global _env
    if _env is None:
        # A missing ui.yml string must fail the build, not render as nothing.
        _env = config.theme.get_env().overlay(undefined=StrictUndefined)
    return _env


def page_context(page, config, topic: str) -> dict:
    """Everything the partial needs for one page."""
    default = config.extra["default_locale"]
    lang = page.file.locale
    lang_root = "" if lang == default else f"{lang}/"
    ui = config.extra["ui"][lang]
    page_path = "/" + page.url
    if not config.site_url:
        raise PluginError("mkdocs.yml: site_url is not set; the contact form's _next needs an absolute thank-you URL.")
    return {
        "ui": ui,
        "page": page,
        "page_lang": lang,
        "topic": topic,
        "topics": TOPICS,
        "endpoint": config.extra["contact_form_endpoint"],
        "contact_email": config.extra["contact_email"],
        "max_length": MESSAGE_MAX_LENGTH,
        # _next leaves the endpoint's site, so it must be absolute.
        "next_url": f"{config.site_url}{lang_root}takk/",
        "privacy_url": get_relative_url(f"{lang_root}personvern/", page.url),
        "script_url": get_relative_url(SCRIPT, page.url),
        "static_subject": ui["form_subject_static"].format(language=lang, page=page_path),
        "page_path": page_path,
        # Only the form's own strings go to the script.
        "strings": {key: text for key, text in ui.items() if key.startswith("form_")},
    }


def replace_markers(html: str, render, where: str) -> str:
    """Replace the single marker in `html` with render(topic)."""
    found = MARKER.findall(html)
    if not found:
        return html
    if len(found) > 1:
        raise PluginError(f"{where}: the contact form marker appears {len(found)} times; one form per page.")
    topic = found[0] or DEFAULT_TOPIC
    if topic not in TOPICS:
        raise PluginError(f"{where}: unknown contact form topic {topic!r}; use one of: {', '.join(TOPICS)}.")
    return MARKER.sub(lambda _: render(topic), html)


def on_page_content(html, page, config, files):
    where = f"docs/{page.file.src_uri}"

    def render(topic: str) -> str:
        context = page_context(page, config, topic)
        suffix = "" if context["page_lang"] == config.extra["default_locale"] else f".{context['page_lang']}"
        for needed in ("takk", "personvern"):
            if not (Path(config.docs_dir) / f"{needed}{suffix}.md").is_file():
                raise PluginError(f"{where}: the contact form links to docs/{needed}{suffix}.md, which does not exist.")
        try:
            return template_env(config).get_template(PARTIAL).render(**context)
        except TemplateError as error:
            raise PluginError(f"{where}: cannot render overrides/{PARTIAL}: {error} (is a form_ string missing from data/ui.yml?)") from error

    return replace_markers(html, render, where)
