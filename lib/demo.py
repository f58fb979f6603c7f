"""The demo sign-ins' shared password."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.conf import settings

from lib.env import env_str

SIGN_IN_FILE = "demo-password"


def demo_password() -> str:
    """DEMO_PASSWORD if set, else a random password made once and kept in VAR_DIR.

    Kept outside git so no password is ever committed, and reused so the
    sign-in printed last time keeps working.
    """
    if env_str("DEMO_PASSWORD"):
        return env_str("DEMO_PASSWORD")
    path = Path(settings.VAR_DIR) / SIGN_IN_FILE
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(12)
    # Create the file private from the start rather than chmod after writing.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(password + "\n")
    return password
