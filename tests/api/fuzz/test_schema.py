"""The schema the application serves is valid OpenAPI 3 and complete enough to be
fuzzed and trusted by OPD site developers: an operationId for every operation, a
JSON body schema for every 200, and the API's one error shape for every documented
400, 404 and 429."""

import pytest
from openapi_spec_validator import validate

from .schema import UNDOCUMENTED, get_operation_labels, get_write_operation_labels

pytestmark = pytest.mark.django_db

ERROR_REF = "#/components/schemas/Error"
SHARED_ERRORS = ("400", "404", "429")


def with_known_gaps(labels):
    return [
        pytest.param(
            label,
            marks=pytest.mark.xfail(strict=True, reason=UNDOCUMENTED[label]),
        )
        if label in UNDOCUMENTED
        else label
        for label in labels
    ]


@pytest.fixture
def spec(api_schema):
    return api_schema.raw_schema


def test_schema_is_valid_openapi_3(api_schema, spec):
    assert spec["openapi"].startswith("3.")
    validate(spec)  # openapi-spec-validator: the full OpenAPI 3 meta-schema
    api_schema.validate()  # and schemathesis' own check


def test_served_schema_lists_the_operations_the_fuzz_collected(spec):
    assert get_operation_labels(spec) == get_operation_labels()
    assert get_write_operation_labels(spec) == get_write_operation_labels()


def test_every_operation_has_a_unique_operation_id(spec):
    ids = [
        operation.get("operationId")
        for item in spec["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict)
    ]
    assert None not in ids
    assert len(ids) == len(set(ids))


def _operation(spec, label):
    method, path = label.split(" ", 1)
    return spec["paths"][path][method.lower()]


ALL_LABELS = get_operation_labels() + get_write_operation_labels()


@pytest.mark.parametrize("label", with_known_gaps(ALL_LABELS))
def test_success_has_a_json_body_schema(spec, label):
    responses = _operation(spec, label)["responses"]
    success = responses.get("200") or responses["201"]
    assert "schema" in success.get("content", {}).get("application/json", {})


@pytest.mark.parametrize("label", with_known_gaps(ALL_LABELS))
def test_errors_use_the_shared_error_shape(spec, label):
    responses = _operation(spec, label)["responses"]
    documented = [code for code in SHARED_ERRORS if code in responses]
    # Every operation is rate limited: 429 is always possible.
    assert "429" in documented
    for code in documented:
        schema = responses[code]["content"]["application/json"]["schema"]
        assert schema == {"$ref": ERROR_REF}, (label, code)


def test_fuzzed_operations_are_every_operation(spec):
    """Nothing under /api/v1/ is left out of the fuzz: the API reads (GET) and
    takes citizens' reports (POST), and both kinds are fuzzed."""
    methods = {
        method
        for path, item in spec["paths"].items()
        if path.startswith("/api/v1/")
        for method in item
        if method in ("get", "put", "post", "patch", "delete")
    }
    assert methods == {"get", "post"}
    assert get_write_operation_labels(spec) == [
        "POST /api/v1/information-requests/",
        "POST /api/v1/information-requests/mine/objections/",
        "POST /api/v1/reports/",
        "POST /api/v1/reports/{code}/replies/",
    ]


def test_schemathesis_loads_every_operation(api_schema):
    loaded = [result.ok() for result in api_schema.get_all_operations()]
    labels = {operation.label for operation in loaded}
    assert set(get_operation_labels()) <= labels
