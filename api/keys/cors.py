"""Which cross-origin browser requests to the API may read the response (CORS), as a
receiver of django-cors-headers' ``check_request_enabled`` signal.

- Anonymous requests: any origin. The data is public; refusing origins would only
  push sites to proxy it.
- Requests carrying a key: only from the key's allowed origins. The view already
  answered 403 for any other origin (``authentication.py``); that answer gets no
  CORS headers either.
- Preflights (``OPTIONS`` with ``Access-Control-Request-Method``): asking to send
  ``Authorization`` or ``X-Api-Key`` only from an origin some active key allows (the
  list is cached, refreshed when a key changes); any other preflight from anywhere.
"""

from corsheaders.signals import check_request_enabled
from django.dispatch import receiver

from api.keys.authentication import carries_key
from api.keys.models import APIKey
from api.keys.origins import normalise_origin
from api.keys.selectors import active_key_origins

KEY_HEADERS = {"authorization", "x-api-key"}


@receiver(check_request_enabled, dispatch_uid="api_keys_cors")
def allow_cors(sender, request, **kwargs) -> bool:
    # Called for every request with an Origin, API or not.
    if not request.path_info.startswith("/api/"):
        return False
    origin = request.headers.get("origin", "")
    if request.method == "OPTIONS" and "access-control-request-method" in (
        request.headers
    ):
        asked = request.headers.get("access-control-request-headers", "")
        wanted = {h.strip().lower() for h in asked.split(",")}
        if wanted & KEY_HEADERS:
            return normalise_origin(origin) in active_key_origins()
        return True
    if not carries_key(request):
        return True
    key = getattr(request, "auth", None)
    return isinstance(key, APIKey) and key.allows_origin(origin)
