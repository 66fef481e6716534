"""The API's OpenAPI schema built in-process, for collection: pytest needs the list
of operations before any test (or database) runs. The tests themselves fuzz the
schema as the application serves it; a test checks both list the same operations.
"""

from functools import lru_cache

API_PREFIX = "/api/v1/"

# Operations whose schema does not describe their answers yet (see
# docs/api/fuzzing.md): the fuzz checks them for 5xx and unchecked database input
# only, and test_schema.py expects their schema checks to fail (strict xfail: a fix
# makes those tests fail until the entry is removed here).
UNDOCUMENTED: dict[str, str] = {}


@lru_cache(maxsize=1)
def generated_schema() -> dict:
    from django.urls import include, path
    from drf_spectacular.drainage import GENERATOR_STATS
    from drf_spectacular.generators import SchemaGenerator

    # The same patterns as api/v1/schema_urls.py's PublicSchemaView.
    generator = SchemaGenerator(patterns=[path("api/", include("api.urls"))])
    with GENERATOR_STATS.silence():  # its warnings are printed when served
        return generator.get_schema(request=None, public=True)


def get_operation_labels(spec: dict | None = None, method: str = "get") -> list[str]:
    """ "GET /api/v1/..." for every GET operation under /api/v1/ (or ``method``)."""
    spec = spec if spec is not None else generated_schema()
    return sorted(
        f"{method.upper()} {path}"
        for path, item in spec["paths"].items()
        if path.startswith(API_PREFIX) and method in item
    )


def get_write_operation_labels(spec: dict | None = None) -> list[str]:
    """The POST operations (citizens' reports): fuzzed too, each example in a
    savepoint rolled back afterwards, so nothing they create stays."""
    return get_operation_labels(spec, "post")
