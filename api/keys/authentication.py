"""API key authentication for DRF: ``Authorization: Api-Key <key>`` or
``X-Api-Key: <key>``.

No key: anonymous (the API is public). A key: ``request.auth`` is the ``APIKey`` and
``request.user`` stays anonymous (keys belong to sites, not people). An unknown or
revoked key is refused (401) rather than treated as anonymous, so a site notices at
once that its key stopped working. A key used by a browser page (``Origin`` header)
must list that origin (403 otherwise); server-to-server calls send no ``Origin``.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication

from api.keys.selectors import api_key_by_hash, hash_key
from api.keys.services import KEY_PREFIX, api_key_mark_used

KEYWORD = "api-key"
MAX_KEY_LENGTH = 200


def key_from_headers(request) -> str | None:
    """The key the request carries, or None. Other ``Authorization`` schemes (a
    proxy's Basic auth) are not ours and are ignored."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _sep, value = header.strip().partition(" ")
    if scheme.lower() == KEYWORD:
        return value.strip()
    value = request.META.get("HTTP_X_API_KEY")
    return value.strip() if value is not None else None


def carries_key(request) -> bool:
    return key_from_headers(request) is not None


class APIKeyAuthentication(BaseAuthentication):
    def authenticate(self, request):
        secret = key_from_headers(request)
        if secret is None:
            return None
        if not secret.startswith(KEY_PREFIX) or len(secret) > MAX_KEY_LENGTH:
            raise exceptions.AuthenticationFailed(_("Kunci API tidak dikenal."))
        key, used_recently = api_key_by_hash(hash_key(secret))
        if key is None:
            raise exceptions.AuthenticationFailed(_("Kunci API tidak dikenal."))
        if not key.is_active:
            raise exceptions.AuthenticationFailed(_("Kunci API ini sudah dicabut."))
        origin = request.META.get("HTTP_ORIGIN")
        if origin and not key.allows_origin(origin):
            raise exceptions.PermissionDenied(
                _("Kunci API ini tidak diizinkan dipakai dari origin %(origin)s.")
                % {"origin": origin}
            )
        if not used_recently:
            api_key_mark_used(key)
        return (None, key)

    def authenticate_header(self, request) -> str:
        # Makes DRF answer 401 (not 403) to a refused key.
        return 'Api-Key realm="api"'
