"""Signatures of webhook requests, and their verification (for OPD sites and tests).

Header: ``X-Sipanganten-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`` where the
HMAC key is the endpoint's secret and the message is ``f"{t}.{raw body}"``. The
timestamp is signed too, so an old request replayed later is refused by its age.
This module depends on the standard library only: OPD sites may copy it as is.
"""

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-Sipanganten-Signature"
EVENT_HEADER = "X-Sipanganten-Event"
DELIVERY_HEADER = "X-Sipanganten-Delivery"
SCHEME = "v1"


def _as_bytes(value: bytes | str) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else value


def compute_signature(secret: str, timestamp: int, body: bytes | str) -> str:
    message = str(timestamp).encode("ascii") + b"." + _as_bytes(body)
    return hmac.new(_as_bytes(secret), message, hashlib.sha256).hexdigest()


def signature_header(secret: str, body: bytes, timestamp: int | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},{SCHEME}={compute_signature(secret, timestamp, body)}"


def _parse(header: str) -> tuple[int | None, list[str]]:
    timestamp, signatures = None, []
    for item in (header or "").split(","):
        key, _, value = item.strip().partition("=")
        if key == "t" and value.isdigit():
            timestamp = int(value)
        elif key == SCHEME and value:
            signatures.append(value)
    return timestamp, signatures


def verify_signature(
    secret: str,
    header: str,
    body: bytes | str,
    tolerance: int = 300,
    now: float | None = None,
) -> bool:
    """True when ``header`` signs exactly ``body`` with ``secret`` and its timestamp
    is within ``tolerance`` seconds of ``now``. Pass the raw request body, before any
    JSON parsing: re-serialised JSON does not match."""
    timestamp, signatures = _parse(header)
    if timestamp is None or not signatures:
        return False
    now = time.time() if now is None else now
    if abs(now - timestamp) > tolerance:
        return False
    expected = compute_signature(secret, timestamp, body)
    # Compare against every v1 value, each in constant time.
    return any(hmac.compare_digest(expected, candidate) for candidate in signatures)
