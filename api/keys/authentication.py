"""API key authentication (placeholder until api/keys is built): anonymous."""

from rest_framework.authentication import BaseAuthentication


class APIKeyAuthentication(BaseAuthentication):
    def authenticate(self, request):
        return None
