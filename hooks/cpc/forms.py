"""Forms that post to the external form service (contact form, event sign-up).

- The endpoint is validated once, here: https://, or plain http:// only for
  127.0.0.1 and localhost, where the tests run their own endpoint.
- A page asks for a form with a marker line in its Markdown:
  `<!-- cpc-contact-form -->` or `<!-- cpc-contact-form topic=membership -->`.
- `form_view` gives the form's data; the `contact_form` macro in
  overrides/partials/cpc-forms.html holds the markup. An event's post
  calls the macro itself, for its sign-up form.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from cpc import places
from cpc.strings import View, fill

# The privacy page names the form service where it says this.
SERVICE_MARKER = "<!-- cpc-form-service -->"
TOPICS = ("membership", "general", "project")
DEFAULT_TOPIC = "general"
MESSAGE_MAX_LENGTH = 5000
LOCAL_HOSTS = ("127.0.0.1", "localhost")
ENDPOINT_SETTING = "mkdocs.yml: extra.form_service.endpoint"
# Python-Markdown passes an HTML comment on its own line through unchanged.
MARKER = re.compile(r"^[ \t]*<!--\s*cpc-contact-form(?:\s+topic=([\w-]+))?\s*-->[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class FormService(View):
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


def form_service(config, languages) -> FormService:
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


@dataclass(frozen=True)
class FormView(View):
    """Everything the form macro needs for one page: the contact form, or
    with `event` set, the sign-up form for that event."""
    lang: str
    topic: str | None
    topics: tuple
    event: str | None  # the event's name, for a sign-up form
    endpoint: str
    contact_email: str
    max_length: int
    next_url: str  # absolute: _next leaves the endpoint's site
    privacy_href: str  # relative to the page
    subject: str
    page_path: str
    strings: dict  # the texts the form's script shows


def form_view(ui, lang: str, root: str, page_url: str, service: FormService, contact_email: str, site_url: str,
              topic: str | None, event: dict | None = None) -> FormView:
    """`event` ({title, date_text}) makes it the sign-up form for that event."""
    page_path = "/" + page_url
    strings = {key: text for key, text in ui.items() if key.startswith(("form_", "signup_"))}
    subject = fill(ui["form_subject_static"], language=lang, page=page_path)
    name = None
    if event:
        subject = fill(ui["signup_subject"], event=event["title"], date=event["date_text"])
        strings["form_success"] = ui["signup_success"]
        name = f"{event['title']} ({event['date_text']})"
    links = places.links(root)
    return FormView(lang, topic, TOPICS, name, service.endpoint, contact_email, MESSAGE_MAX_LENGTH,
                    f"{site_url}{links['thanks']}", get_relative_url(links["privacy"], page_url), subject, page_path,
                    strings)
