"""The local development password: generated once per checkout, never a fixed one."""

import secrets
from pathlib import Path

from django.conf import settings

CREDENTIALS_FILE = Path(settings.BASE_DIR) / "var" / "dev-credentials.txt"


def dev_password() -> str:
    """Read the checkout's generated password, creating it (mode 600) on first use."""
    if CREDENTIALS_FILE.exists():
        return CREDENTIALS_FILE.read_text().strip()
    CREDENTIALS_FILE.parent.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(12)
    CREDENTIALS_FILE.touch(mode=0o600)
    CREDENTIALS_FILE.write_text(password + "\n")
    return password
