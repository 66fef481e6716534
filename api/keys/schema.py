"""The API key in the OpenAPI schema (drf-spectacular): an optional header."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class APIKeyAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "api.keys.authentication.APIKeyAuthentication"
    name = "ApiKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "X-Api-Key",
            "description": (
                "Kunci API situs OPD (opsional untuk konten publik; wajib untuk "
                "pratinjau). Boleh juga dikirim sebagai `Authorization: Api-Key "
                "<kunci>`."
            ),
        }
