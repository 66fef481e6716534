"""Compressed HTML and JSON for slow phone connections (a home page of ~35 KB goes
over the wire as ~6 KB). Static files are compressed ahead of time by WhiteNoise.

The admin is left alone: its pages carry CSRF tokens next to text an attacker may
influence, the pattern BREACH exploits through compression. Public pages carry no
secret (the language switch needs no token), so compressing them is safe.
"""

from django.middleware.gzip import GZipMiddleware

_UNCOMPRESSED = ("/admin/", "/django-admin/")


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if request.path.startswith(_UNCOMPRESSED):
            return response
        return super().process_response(request, response)
