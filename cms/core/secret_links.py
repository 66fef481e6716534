"""The secret links of citizens' cases (a complaint's reply link, an information
request's page): a random token shown to the citizen once, of which only the
SHA-256 is stored, compared in constant time. One copy for
``cms.complaints`` and ``cms.ppid`` (and the API's reply endpoint)."""

import hashlib
import hmac
import secrets


def token_hash(token) -> str:
    """What is stored of a token, and what a lookup by token filters on."""
    return hashlib.sha256(str(token).encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """(token, its hash): the token is shown once, only the hash is kept."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_matches(token, stored_hash: str) -> bool:
    """Whether ``token`` is the one whose hash is stored (constant-time); never
    for a blank token or a blank stored hash."""
    if not token or not stored_hash:
        return False
    return hmac.compare_digest(token_hash(token), stored_hash)
