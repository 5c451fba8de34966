"""The one clock of a build: what is upcoming, open for sign-up or published
is decided against it. `CPC_TODAY=2027-03-04` (or `2027-03-04T09:30`) sets
it, so tests and previews build the site as it will look on that day."""
from __future__ import annotations

import datetime
import os
from zoneinfo import ZoneInfo

from mkdocs.exceptions import PluginError

OSLO = ZoneInfo("Europe/Oslo")
VARIABLE = "CPC_TODAY"


def now() -> datetime.datetime:
    """Now in Norway, or the moment CPC_TODAY names (noon, without a time)."""
    value = os.environ.get(VARIABLE, "").strip()
    if not value:
        return datetime.datetime.now(OSLO)
    try:
        moment = datetime.datetime.fromisoformat(value if "T" in value or " " in value else value + "T12:00")
    except ValueError as error:
        raise PluginError(f"{VARIABLE}={value!r} is not a date such as 2027-03-04 or 2027-03-04T09:30.") from error
    return moment if moment.tzinfo else moment.replace(tzinfo=OSLO)
