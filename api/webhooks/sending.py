"""One signed HTTP POST to an endpoint, with short timeouts and a bounded read.

No redirects are followed (a 3xx is a failure the OPD fixes in its URL) and the
connection goes to the address ``targets.resolve_target`` checked.
"""

import json
from dataclasses import dataclass

import urllib3
from django.conf import settings

from . import signing
from .targets import TargetRefused, resolve_target

USER_AGENT = "Sipanganten-Webhooks/1"
EXCERPT_BYTES = 1000  # of the response body, kept for the delivery log
MAX_ADDRESSES = 2  # each may cost a connect timeout


@dataclass
class SendResult:
    ok: bool
    status_code: int | None = None
    excerpt: str = ""
    error: str = ""


def encode_payload(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def _timeout() -> urllib3.Timeout:
    connect = getattr(settings, "WEBHOOKS_CONNECT_TIMEOUT", 3.0)
    read = getattr(settings, "WEBHOOKS_READ_TIMEOUT", 5.0)
    return urllib3.Timeout(connect=connect, read=read, total=connect + read)


def _pool(target, address, timeout):
    options = {"timeout": timeout, "retries": False, "maxsize": 1}
    if target.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            target.port,
            server_hostname=target.host,
            assert_hostname=target.host,
            cert_reqs="CERT_REQUIRED",
            **options,
        )
    return urllib3.HTTPConnectionPool(address, target.port, **options)


def _host_header(target) -> str:
    default = 443 if target.scheme == "https" else 80
    host = f"[{target.host}]" if ":" in target.host else target.host
    return host if target.port == default else f"{host}:{target.port}"


def send_signed(
    *, url: str, secret: str, event: str, delivery_id: str, payload: dict
) -> SendResult:
    """POST the payload; 2xx is success, anything else (or no answer) a failure."""
    try:
        target = resolve_target(url)
    except TargetRefused as exc:
        return SendResult(ok=False, error=str(exc))
    body = encode_payload(payload)
    headers = {
        "Host": _host_header(target),
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        signing.SIGNATURE_HEADER: signing.signature_header(secret, body),
        signing.EVENT_HEADER: event,
        signing.DELIVERY_HEADER: delivery_id,
    }
    error = ""
    # Like a browser, try the next address (e.g. IPv4 after IPv6) when one
    # cannot be reached; any answer, even an error, ends the attempt.
    for address in target.addresses[:MAX_ADDRESSES]:
        try:
            status, excerpt = _post(
                _pool(target, address, _timeout()), target, body, headers
            )
        except urllib3.exceptions.ConnectTimeoutError as exc:  # refused too
            error = _describe(exc)
            continue
        except urllib3.exceptions.HTTPError as exc:
            return SendResult(ok=False, error=_describe(exc))
        ok = 200 <= status < 300
        return SendResult(
            ok=ok,
            status_code=status,
            excerpt=excerpt,
            error="" if ok else f"HTTP {status}",
        )
    return SendResult(ok=False, error=error)


def _post(pool, target, body: bytes, headers: dict) -> tuple[int, str]:
    try:
        response = pool.urlopen(
            "POST",
            target.path,
            body=body,
            headers=headers,
            redirect=False,
            retries=False,
            preload_content=False,
            assert_same_host=False,
        )
        try:
            raw = response.read(EXCERPT_BYTES, decode_content=True)
        finally:
            response.close()  # never read (or wait for) more than the excerpt
    finally:
        pool.close()
    return response.status, raw.decode("utf-8", errors="replace")


def _describe(exc: Exception) -> str:
    reason = getattr(exc, "reason", None) or exc
    return f"{type(exc).__name__}: {reason}"[:500]
