"""Forms that post to the external form service (contact form, event sign-up).

- The endpoint is validated once, here: https://, or plain http:// only for
  127.0.0.1 and localhost, where the tests run their own endpoint.
- A page asks for a form with a marker line in its Markdown:
  `<!-- cpc-contact-form -->` or `<!-- cpc-contact-form topic=membership -->`.
  overrides/partials/cpc-contact-form.html holds the markup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from cpc import bilingual

PARTIAL = "partials/cpc-contact-form.html"
SERVICE_PARTIAL = "partials/cpc-form-service.html"
# The privacy page names the form service where it says this.
SERVICE_MARKER = "<!-- cpc-form-service -->"
SCRIPT = "assets/javascripts/cpc-contact-form.js"
TOPICS = ("membership", "general", "project")
DEFAULT_TOPIC = "general"
MESSAGE_MAX_LENGTH = 5000
LOCAL_HOSTS = ("127.0.0.1", "localhost")
ENDPOINT_SETTING = "mkdocs.yml: extra.form_service.endpoint"
# Python-Markdown passes an HTML comment on its own line through unchanged.
MARKER = re.compile(r"^[ \t]*<!--\s*cpc-contact-form(?:\s+topic=([\w-]+))?\s*-->[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class FormService:
    endpoint: str
    origin: str  # scheme://host[:port], for the CSP
    name: str
    country: dict  # per language: {nb: ..., en: ...}
    privacy_url: str


def check_endpoint(url) -> str:
    """Return the endpoint URL, or raise PluginError saying what to fix."""
    if not isinstance(url, str) or not url.strip():
        raise PluginError(f"{ENDPOINT_SETTING} is not set. Set CONTACT_FORM_ENDPOINT to the form service's https:// URL.")
    url = url.strip()
    parts = urlsplit(url)
    if (parts.scheme == "https" and parts.hostname) or (parts.scheme == "http" and parts.hostname in LOCAL_HOSTS):
        return url
    raise PluginError(
        f"{ENDPOINT_SETTING} must be an https:// URL (plain http:// only for 127.0.0.1 or localhost), "
        f"got {url!r}. Check CONTACT_FORM_ENDPOINT."
    )


# Where a local build's forms post when no endpoint is set: a port where
# nothing listens, so every send fails into the e-mail fallback.
LOCAL_NOWHERE = "http://127.0.0.1:9/no-form-service-set"
MISSING_FOR_PUBLISHING = (
    "CONTACT_FORM_ENDPOINT is not set, so the published forms would post nowhere. Set it in GitHub: "
    "Settings → Secrets and variables → Actions → Variables → New repository variable, name "
    "CONTACT_FORM_ENDPOINT, value: the form service's https:// address (README: Configuration)."
)


def form_service(config) -> FormService:
    settings = config.extra.get("form_service") or {}
    endpoint = settings.get("endpoint")
    if not endpoint:
        if str(settings.get("publishing")).lower() in ("true", "1", "yes"):
            raise PluginError(MISSING_FOR_PUBLISHING)
        endpoint = LOCAL_NOWHERE
    endpoint = check_endpoint(endpoint)
    parts = urlsplit(endpoint)
    for key in ("name", "country", "privacy_url"):
        if not settings.get(key):
            raise PluginError(f"mkdocs.yml: extra.form_service.{key} is not set; the privacy page names the form service.")
    languages = bilingual.Languages.from_config(config)
    if not isinstance(settings["country"], dict) or set(settings["country"]) != set(languages.locales):
        raise PluginError("mkdocs.yml: extra.form_service.country needs one text per language, e.g. {nb: USA, en: the USA}.")
    return FormService(endpoint, f"{parts.scheme}://{parts.netloc}", settings["name"], settings["country"],
                       settings["privacy_url"])


def find_topic(html: str, where: str) -> str | None:
    """The topic of the page's one form marker, or None without a marker."""
    found = MARKER.findall(html)
    if not found:
        return None
    if len(found) > 1:
        raise PluginError(f"{where}: the contact form marker appears {len(found)} times; one form per page.")
    topic = found[0] or DEFAULT_TOPIC
    if topic not in TOPICS:
        raise PluginError(f"{where}: unknown contact form topic {topic!r}; use one of: {', '.join(TOPICS)}.")
    return topic


def contact_context(site, page, topic: str | None, event: dict | None = None) -> dict:
    """Everything the form partial needs for one page; with `event` ({title,
    date_text}), the sign-up form for that event."""
    lang = page.file.locale
    root = site.languages.root(lang)
    ui = site.ui[lang]
    page_path = "/" + page.url
    # Only the form's own strings go to the script.
    strings = {key: text for key, text in ui.items() if key.startswith(("form_", "signup_"))}
    subject = ui["form_subject_static"].format(language=lang, page=page_path)
    if event:
        subject = ui["signup_subject"].format(event=event["title"], date=event["date_text"])
        strings["form_success"] = ui["signup_success"]
        event = {"name": f"{event['title']} ({event['date_text']})"}
    return {
        "ui": ui,
        "page_lang": lang,
        "topic": topic,
        "topics": TOPICS,
        "event": event,
        "endpoint": site.form_service.endpoint,
        "contact_email": site.contact_email,
        "max_length": MESSAGE_MAX_LENGTH,
        # _next leaves the endpoint's site, so it must be absolute.
        "next_url": f"{site.site_url}{root}takk/",
        "privacy_url": get_relative_url(f"{root}personvern/", page.url),
        "script_url": get_relative_url(SCRIPT, page.url),
        "static_subject": subject,
        "page_path": page_path,
        "strings": strings,
    }


def signup_html(site, page, event: dict) -> str:
    """The sign-up form for an event, on the event's post."""
    return site.render(PARTIAL, f"docs/{page.file.src_uri}", **contact_context(site, page, None, event))


def render_markers(site, html: str, page) -> str:
    where = f"docs/{page.file.src_uri}"
    if SERVICE_MARKER in html:
        lang = page.file.locale
        html = html.replace(SERVICE_MARKER, site.render(SERVICE_PARTIAL, where, ui=site.ui[lang], lang=lang,
                                                        service=site.form_service))
    topic = find_topic(html, where)
    if topic is None:
        return html
    form = site.render(PARTIAL, where, **contact_context(site, page, topic))
    return MARKER.sub(lambda _: form, html)
