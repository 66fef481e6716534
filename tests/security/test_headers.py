"""Security headers on every area: the portal's CSP has no 'unsafe-inline' (and no
nonce: its pages are cached whole), the admin's is as strict as Wagtail allows, the
API's loads nothing; Permissions-Policy, Referrer-Policy, COOP and nosniff on all;
HSTS and the HTTPS redirect under the production settings' values."""

import hashlib
import re
from base64 import b64encode

import pytest

from portal.cache import CACHE_HEADER
from tests.factories import UserFactory, add_item

from .policy import ROOT, directives

pytestmark = pytest.mark.django_db

CLOSED = {"object-src": ["'none'"], "base-uri": ["'none'"]}


def csp(response) -> dict[str, list[str]]:
    assert "Content-Security-Policy" in response, f"no CSP on {response}"
    return directives(response["Content-Security-Policy"])


def assert_common_headers(response):
    assert response["Permissions-Policy"].startswith("accelerometer=()")
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def assert_strict_portal_policy(policy):
    for name in ("script-src", "style-src"):
        assert policy[name][0] == "'self'"
        assert "'unsafe-inline'" not in policy[name]
        assert not any(source.startswith("'nonce-") for source in policy[name])
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    for name, value in CLOSED.items():
        assert policy[name] == value


def test_portal_pages_have_a_strict_policy(client, opds):
    item = add_item(opds["dinkes"], "Berita pertama")
    for path in ("/", item.url, "/cari/?q=berita", "/halaman-yang-tidak-ada/"):
        response = client.get(path)
        assert_strict_portal_policy(csp(response))
        assert_common_headers(response)


def test_cached_portal_pages_carry_the_same_policy(client, opds, settings, monkeypatch):
    from cms.core import content_generation

    settings.PORTAL_PAGE_CACHE_TTL = 60
    monkeypatch.setattr("cms.core.changes.bus.after_commit", lambda func: func())
    content_generation.bump_content_generation()
    first, again = client.get("/"), client.get("/")
    assert (first[CACHE_HEADER], again[CACHE_HEADER]) == ("miss", "hit")
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert_strict_portal_policy(csp(again))
    assert_common_headers(again)


def test_the_error_pages_styles_are_allowed_by_their_hashes(client, rf):
    """The standalone 500 and 503 pages keep their inline style (they must render
    with the database down): the hash of what they send is in the portal's policy."""
    from django.template.loader import get_template

    from api.v1.errors import handler500

    pages = [
        handler500(rf.get("/")).content.decode(),
        get_template("503.html").render(),
    ]
    allowed = csp(client.get("/"))["style-src"]
    for page in pages:
        style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
        digest = b64encode(hashlib.sha256(style.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed


def test_admin_is_as_strict_as_wagtail_allows(client):
    login = client.get("/admin/login/")
    assert login.status_code == 200
    policy = csp(login)
    assert policy["script-src"] == ["'self'"]  # no inline script on the login page
    assert policy["frame-ancestors"] == ["'self'"]
    assert_common_headers(login)

    client.force_login(UserFactory(superuser=True))
    policy = csp(client.get("/admin/"))
    # Wagtail's inline panels and date widgets write inline scripts.
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'self'"]  # the editor's preview panel
    assert policy["default-src"] == ["'self'"]
    for name, value in CLOSED.items():
        assert policy[name] == value


def test_api_answers_load_nothing(client, opds):
    add_item(opds["dinkes"], "Berita API")
    for path in ("/api/v1/content/", "/api/v1/content/", "/api/v1/tidak-ada/"):
        response = client.get(path)
        policy = csp(response)
        assert policy["default-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert_common_headers(response)


def test_api_docs_load_their_own_assets_only(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    policy = csp(response)
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    html = response.content.decode()
    assert "<style" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script"
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.content.decode()


@pytest.fixture
def production_https(settings, production_security):
    for name, value in production_security.items():
        setattr(settings, name, value)


def test_production_sends_hsts_and_redirects_to_https(client, opds, production_https):
    host = {"HTTP_HOST": "informasi.bantenprov.go.id"}
    for path in ("/", "/admin/login/", "/api/v1/content/"):
        plain = client.get(path, **host)
        assert plain.status_code == 301
        assert plain["Location"] == f"https://informasi.bantenprov.go.id{path}"
        secure = client.get(path, secure=True, **host)
        assert secure["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains"
        )
        assert "Content-Security-Policy" in secure
    # The load balancer probes over plain HTTP.
    for path in ("/healthz", "/healthz/ready"):
        assert client.get(path, **host).status_code != 301


PORTAL_TEMPLATES = ROOT / "frontend-templates"
# Rendered outside the portal's policy: the admin's (API keys, webhooks), or allowed
# by their hashes (standalone error pages).
NOT_PORTAL = ("api_keys/", "api_webhooks/", "500.html", "503.html")
INLINE = re.compile(
    r"<style|\sstyle=|\son[a-z]+=|<script(?![^>]*\bsrc=)", re.IGNORECASE
)


def test_portal_templates_have_no_inline_script_or_style():
    """What the browser test would find on a page it does not visit."""
    found = []
    for template in sorted(PORTAL_TEMPLATES.rglob("*.html")):
        name = template.relative_to(PORTAL_TEMPLATES).as_posix()
        if name.startswith(NOT_PORTAL):
            continue
        for number, line in enumerate(template.read_text().splitlines(), 1):
            if INLINE.search(line):
                found.append(f"{name}:{number}: {line.strip()[:120]}")
    assert not found, "\n".join(found)
