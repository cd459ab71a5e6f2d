"""The build's notion of today, injectable so that tests and previews can pin it."""

from __future__ import annotations

import datetime as dt
import os


def build_date() -> dt.date:
    """``HUB_TODAY`` (YYYY-MM-DD) if set, else the real date."""
    pinned = os.environ.get("HUB_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()
