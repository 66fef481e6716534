"""The CSP header of an area is built once and reused: it must be, byte for byte,
what django-csp builds for that response, follow a change of settings, and give
way to a view's own policy (django-csp's decorators) or a nonce."""

import pytest
from csp.constants import NONCE
from csp.decorators import csp_update
from csp.middleware import CSPMiddleware
from django.http import HttpResponse

from cms.core.security_headers import AREAS, SecurityHeadersMiddleware

PATHS = [prefix + "x/" for prefix, _policy in AREAS] + ["/", "/berita/satu/"]
HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")


def through(middleware_class, request, response):
    """``response`` as the middleware hands it on (a fresh copy each time)."""
    middleware = middleware_class(lambda request: response)
    middleware.process_request(request)
    return middleware.process_response(request, response)


class DjangoCSPOnly(SecurityHeadersMiddleware):
    """The same policies, every header built by django-csp itself."""

    def process_response(self, request, response):
        return CSPMiddleware.process_response(self, request, response)


def both(rf, path, make_response=HttpResponse):
    kept = through(SecurityHeadersMiddleware, rf.get(path), make_response())
    built = through(DjangoCSPOnly, rf.get(path), make_response())
    return kept, built


@pytest.mark.parametrize("path", PATHS)
def test_every_area_gets_what_django_csp_builds(rf, path):
    kept, built = both(rf, path)
    assert kept["Content-Security-Policy"]
    for name in HEADERS:
        assert kept.get(name) == built.get(name), (path, name)


@pytest.mark.parametrize("path", ["/", "/admin/x/", "/api/x/"])
def test_a_settings_change_reaches_the_kept_header(rf, settings, path):
    before, _ = both(rf, path)
    settings.CSP_REPORT_URI = "https://laporan.example.go.id/csp"
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {
        "DIRECTIVES": {"default-src": ["'self'"]}
    }
    kept, built = both(rf, path)
    assert "report-uri https://laporan.example.go.id/csp" in kept[HEADERS[0]]
    assert "report-uri" not in before[HEADERS[0]]
    for name in HEADERS:
        assert kept.get(name) == built.get(name), (path, name)


def test_a_views_own_policy_wins(rf):
    @csp_update({"img-src": ["https://peta.example.go.id"]})
    def view(request):
        return HttpResponse("peta")

    request = rf.get("/peta/")
    middleware = SecurityHeadersMiddleware(view)
    middleware.process_request(request)
    response = middleware.process_response(request, view(request))
    assert "https://peta.example.go.id" in response[HEADERS[0]]
    plain, _ = both(rf, "/peta/")
    assert "https://peta.example.go.id" not in plain[HEADERS[0]]


def test_a_nonce_asked_for_reaches_a_policy_that_takes_it(rf):
    """Our areas name no nonce; a view whose policy does gets the one its
    template used."""

    @csp_update({"script-src": [NONCE]})
    def view(request):
        str(request.csp_nonce)  # the template asked for it
        return HttpResponse()

    request = rf.get("/admin/x/")
    middleware = SecurityHeadersMiddleware(view)
    middleware.process_request(request)
    response = middleware.process_response(request, view(request))
    assert f"'nonce-{request._csp_nonce}'" in response[HEADERS[0]]


def test_a_header_the_view_set_is_kept(rf):
    response = HttpResponse()
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    kept = through(SecurityHeadersMiddleware, rf.get("/"), response)
    assert kept["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert kept["Permissions-Policy"].startswith("accelerometer=()")
