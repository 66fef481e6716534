"""The signature scheme OPD sites verify: HMAC-SHA256 over "<t>.<raw body>"."""

import hashlib
import hmac
import time

from api.webhooks.signing import signature_header, verify_signature

SECRET = "whsec_rahasia-situs-dinkes"
BODY = '{"event":"content.published","object":{"title":"Imunisasi — Banten"}}'.encode()


def test_a_fresh_signature_verifies_and_matches_the_documented_recipe():
    header = signature_header(SECRET, BODY)
    assert verify_signature(SECRET, header, BODY)
    timestamp = header.split(",")[0].removeprefix("t=")
    expected = hmac.new(
        SECRET.encode(), f"{timestamp}.".encode() + BODY, hashlib.sha256
    ).hexdigest()
    assert header == f"t={timestamp},v1={expected}"
    assert verify_signature(SECRET, header, BODY.decode())  # str bodies too


def test_wrong_secret_changed_body_and_garbage_are_refused():
    header = signature_header(SECRET, BODY)
    assert not verify_signature("whsec_lain", header, BODY)
    assert not verify_signature(SECRET, header, BODY.replace(b"Banten", b"Serang"))
    for bad in ["", "v1=abc", "t=abc,v1=00", f"t={int(time.time())}", "garbage"]:
        assert not verify_signature(SECRET, bad, BODY), bad


def test_old_and_future_timestamps_are_refused():
    now = time.time()
    old = signature_header(SECRET, BODY, timestamp=int(now) - 301)
    assert not verify_signature(SECRET, old, BODY)
    assert verify_signature(SECRET, old, BODY, tolerance=600)
    future = signature_header(SECRET, BODY, timestamp=int(now) + 301)
    assert not verify_signature(SECRET, future, BODY)


def test_any_of_several_v1_values_may_match():
    header = signature_header(SECRET, BODY)
    assert verify_signature(SECRET, header.replace(",v1=", ",v1=deadbeef,v1="), BODY)
