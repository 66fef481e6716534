"""Admin avatars as initials, drawn here: no Gravatar, no image to fetch.

Wagtail asks the ``get_avatar_url`` hook first wherever it shows a user (the
sidebar, comments, listings, the account page), so one data URI covers them all.
The admin's CSP allows ``data:`` images; an SVG loaded as an image runs nothing.
An avatar an editor uploads in their account still wins.
"""

import zlib
from urllib.parse import quote
from xml.sax.saxutils import escape

# White text on each of these stays above WCAG AA (4.5:1): 7.6:1 to 9.6:1.
BACKGROUNDS = ("#0b4f8a", "#7a1f5c", "#1f5f3a", "#8a3b0b", "#4a3a8c", "#4d4d4d")
SEPARATORS = "._-@+ "


def initials(user) -> str:
    """Up to two capitals: first and last name, else the parts of the username."""
    first = (getattr(user, "first_name", "") or "").strip()
    last = (getattr(user, "last_name", "") or "").strip()
    if first or last:
        letters = (first[:1] + last[:1]) if first and last else (first or last)[:2]
        return letters.upper()
    username = str(user.get_username() if hasattr(user, "get_username") else "")
    for sep in SEPARATORS:
        username = username.replace(sep, " ")
    parts = username.split()
    if len(parts) >= 2:
        return (parts[0][:1] + parts[1][:1]).upper()
    return (parts[0][:2].upper() if parts else "") or "?"


def background(user) -> str:
    """The same colour for a user on every page (stable across processes)."""
    key = str(getattr(user, "pk", None) or initials(user)).encode()
    return BACKGROUNDS[zlib.crc32(key) % len(BACKGROUNDS)]


def initials_svg(user) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<rect width="64" height="64" fill="{background(user)}"/>'
        '<text x="32" y="32" dy=".35em" text-anchor="middle" fill="#fff" '
        'font-family="system-ui,sans-serif" font-size="26" font-weight="600">'
        f"{escape(initials(user))}</text></svg>"
    )


def has_uploaded_avatar(user) -> bool:
    # getattr's default also covers a user with no profile yet: Django's
    # RelatedObjectDoesNotExist is an AttributeError.
    profile = getattr(user, "wagtail_userprofile", None)
    return bool(profile and profile.avatar)


def avatar_url(user, size) -> str | None:
    """The ``get_avatar_url`` hook: None lets Wagtail show an uploaded avatar."""
    if user is None or has_uploaded_avatar(user):
        return None
    return "data:image/svg+xml," + quote(initials_svg(user))
