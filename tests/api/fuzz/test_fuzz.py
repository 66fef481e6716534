"""Property-based fuzz of every operation of API v1 (GETs, and the POSTs of
citizens' reports), from the OpenAPI schema the
application itself serves (schemathesis + Hypothesis).

For each operation, Hypothesis generates valid and invalid parameters (positive and
negative modes; path parameters also drawn from the real content, so detail
endpoints answer 200 too, not only 404). Every response must: not be a 5xx, use a
documented status code, content type and headers, and match the documented body
schema; and no request may reach PostgreSQL with input it rejects (see
``call_in_savepoint``).

Bounded for ``make test``: a fixed number of examples per operation, derandomized
(the same examples every run: a failure in CI reproduces locally), no shrinking
(a failure prints its example as a curl command; shrinking could take minutes).

schemathesis' own ``from_fixture(...).parametrize()`` does not run under pytest 9
(it rewrites the node's private ``_nodeid``), so each operation is a parametrized
test here, with its Hypothesis test built from ``operation.as_strategy()``.
"""

import os
import time
from collections import Counter

import pytest
from django.db import connection, transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from . import information_request_bodies as ppid
from .paths import real_path_parameters
from .report_bodies import REPLY_PATH, SUBMIT_PATH, reply_bodies, submit_bodies
from .schema import UNDOCUMENTED, get_operation_labels, get_write_operation_labels
from .search_queries import SEARCH_PATHS, search_queries

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 40
PREVIEW_PATH = "/api/v1/preview/"
# Operations with an undocumented answer: only what needs no schema.
SCHEMA_FREE_CHECKS = [not_a_server_error]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# FUZZ_RANDOM=1: random examples each run (as a stranger's fuzzer would send),
# seeded by pytest's --hypothesis-seed when given; docs/api/fuzzing.md.
RANDOM = os.environ.get("FUZZ_RANDOM", "") not in ("", "0")
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=not RANDOM,
    deadline=None,
    database=None,  # derandomized: nothing to replay from a local database
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)

# Per operation: examples sent, seconds spent and status codes seen (the summary
# printed at the end of the run, see conftest.py).
examples_run: Counter[str] = Counter()
seconds_spent: Counter[str] = Counter()
statuses: Counter[tuple[str, int]] = Counter()


def transaction_aborted() -> bool:
    from psycopg.pq import TransactionStatus

    return connection.connection.info.transaction_status == TransactionStatus.INERROR


def call_in_savepoint(case):
    """Call the API in a savepoint rolled back afterwards.

    A request whose query failed in PostgreSQL and that answered anyway (an error
    caught and turned into a 4xx) fails here: the input reached the database
    unchecked, and in this shared transaction it would turn every later request
    into a 500. Rolling back to the savepoint lets the next example run clean.
    """
    savepoint = transaction.savepoint()
    try:
        # The in-process WSGI client does not decompress: ask for plain bodies
        # (the API gzips for clients that accept it, see portal/compression.py).
        response = case.call(headers={"Accept-Encoding": "identity"})
        aborted = transaction_aborted()
    finally:
        transaction.savepoint_rollback(savepoint)
    assert not aborted, (
        f"{response.status_code} after a failed database query (input not "
        f"validated before the query): {case.as_curl_command()}"
    )
    return response


def case_strategy(operation, credentials):
    """Anonymous valid and invalid requests; real path parameters; requests with a
    key (province-wide, may preview), and for the preview real draft tokens."""
    keyed = {"X-API-Key": credentials["api_key"]}
    strategies = [
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
        operation.as_strategy(GenerationMode.POSITIVE, headers=keyed),
    ]
    if operation.path_parameters:
        strategies.append(
            real_path_parameters(operation).flatmap(
                lambda values: operation.as_strategy(path_parameters=values)
            )
        )
    if operation.path in SEARCH_PATHS:
        strategies.append(
            search_queries().flatmap(lambda query: operation.as_strategy(query=query))
        )
    if operation.path == SUBMIT_PATH:
        strategies.append(
            submit_bodies().flatmap(
                lambda body: operation.as_strategy(
                    body=body, media_type="application/json"
                )
            )
        )
    if operation.path == REPLY_PATH:
        strategies.append(
            st.tuples(real_path_parameters(operation), reply_bodies()).flatmap(
                lambda drawn: operation.as_strategy(
                    path_parameters=drawn[0],
                    body=drawn[1],
                    media_type="application/json",
                )
            )
        )
    strategies.extend(information_request_strategies(operation, credentials))
    if operation.path == PREVIEW_PATH:
        tokens = credentials["preview_tokens"]
        strategies.append(
            st.sampled_from(tokens)
            .flatmap(
                lambda grant: st.sampled_from(
                    [{"token": grant[0]}, {"token": grant[0], "id": grant[1]}]
                )
            )
            .flatmap(lambda query: operation.as_strategy(headers=keyed, query=query))
        )
    return st.one_of(strategies)


def information_request_strategies(operation, credentials) -> list:
    """Valid and hostile requests to file, and real tokens (with bodies) for the
    requester's view and objections."""
    if operation.path == ppid.SUBMIT_PATH and operation.method.upper() == "POST":
        return [
            ppid.submit_bodies().flatmap(
                lambda body: operation.as_strategy(
                    body=body, media_type="application/json"
                )
            )
        ]
    tokens = ppid.tokens(credentials["request_tokens"])
    if operation.path == ppid.MINE_PATH:
        return [
            tokens.flatmap(
                lambda token: operation.as_strategy(headers={ppid.TOKEN_HEADER: token})
            )
        ]
    if operation.path == ppid.OBJECTIONS_PATH:
        return [
            st.tuples(tokens, ppid.objection_bodies()).flatmap(
                lambda drawn: operation.as_strategy(
                    headers={ppid.TOKEN_HEADER: drawn[0]},
                    body=drawn[1],
                    media_type="application/json",
                )
            )
        ]
    return []


@pytest.mark.parametrize("label", get_operation_labels())
def test_get_operation_conforms_to_the_schema(api_schema, fuzz_content, label):
    fuzz_operation(api_schema, fuzz_content, label)


@pytest.mark.parametrize("label", get_write_operation_labels())
def test_write_operation_conforms_to_the_schema(api_schema, fuzz_content, label):
    """Submissions and replies: never a 5xx, always a documented answer."""
    fuzz_operation(api_schema, fuzz_content, label)


def fuzz_operation(api_schema, fuzz_content, label):
    operation = api_schema.find_operation_by_label(label)
    assert operation is not None, f"{label} is not in the schema the app serves"
    checks = SCHEMA_FREE_CHECKS if label in UNDOCUMENTED else CHECKS

    @FUZZ_SETTINGS
    @given(case=case_strategy(operation, fuzz_content))
    def fuzz(case):
        examples_run[label] += 1
        response = call_in_savepoint(case)
        statuses[label, response.status_code] += 1
        case.validate_response(response, checks=checks)

    started = time.monotonic()
    try:
        fuzz()
    finally:
        seconds_spent[label] += time.monotonic() - started
