"""One-statement "insert or raise the version" for the outbox and the indexed state.

Django's ``bulk_create(update_conflicts=True)`` can only overwrite a column; here a
version must never go down, so the conflict clause compares. ``INSERT ... ON CONFLICT
DO UPDATE`` with ``excluded`` is the same in PostgreSQL and SQLite (>= 3.24); the
identifiers come from model meta, every value is a query parameter.
"""

from django.db import connection


def upsert_versioned(model, rows: list[dict], *, update=()) -> None:
    """Insert ``rows`` (dicts of column -> value) or update the row of the same
    ``object_key``: the larger version wins, ``update`` columns are overwritten."""
    if not rows:
        return
    q = connection.ops.quote_name
    table, key, ver = q(model._meta.db_table), q("object_key"), q("version")
    columns = list(rows[0])
    sets = [
        f"{ver} = CASE WHEN excluded.{ver} > {table}.{ver} "
        f"THEN excluded.{ver} ELSE {table}.{ver} END",
        *(f"{c} = excluded.{c}" for c in map(q, update)),
    ]
    conflict = f"ON CONFLICT ({key}) DO UPDATE SET {', '.join(sets)}"
    if connection.vendor == "postgresql":
        _upsert_arrays(model, rows, columns, conflict)
        return
    placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
    for start in range(0, len(rows), 500):
        chunk = rows[start : start + 500]
        sql = (
            f"INSERT INTO {table} ({', '.join(map(q, columns))}) "  # noqa: S608
            f"VALUES {', '.join([placeholders] * len(chunk))} {conflict}"
        )
        params = [_adapt(model, c, row[c]) for row in chunk for c in columns]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)


def _upsert_arrays(model, rows: list[dict], columns: list[str], conflict: str) -> None:
    """PostgreSQL: one array parameter per column (``unnest``), so a large batch is
    one short statement, not thousands of placeholders to parse and adapt."""
    q = connection.ops.quote_name
    types = [model._meta.get_field(c).db_type(connection) for c in columns]
    select = ", ".join(f"unnest(%s::{t}[])" for t in types)
    sql = (
        f"INSERT INTO {q(model._meta.db_table)} ({', '.join(map(q, columns))}) "  # noqa: S608
        f"SELECT {select} {conflict}"
    )
    for start in range(0, len(rows), 5000):
        chunk = rows[start : start + 5000]
        params = [[row[c] for row in chunk] for c in columns]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)


def _adapt(model, column: str, value):
    """Values as the backend stores them (aware datetimes on SQLite, ...)."""
    field = model._meta.get_field(column)
    return field.get_db_prep_value(value, connection, prepared=False)


def outbox_upsert(outbox, state, keys: list[str], version: int, moment) -> None:
    """Record ``keys`` in the ``outbox`` model in one statement per 500 keys.

    The new version is ``version`` (now, in µs), but always above what the index
    already holds for the key (``state``, the indexed state: a clock that went
    back, a reindex that used the page's own time) and above a pending row's.
    A pending row becomes due at once; its attempts and last error stay (history).
    """
    q = connection.ops.quote_name
    table, known = q(outbox._meta.db_table), q(state._meta.db_table)
    key, ver = q("object_key"), q("version")
    at = _adapt(outbox, "available_at", moment)
    names = ("object_key", "version", "attempts", "last_error", "available_at")
    columns = ", ".join(q(name) for name in (*names, "created_at", "updated_at"))
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        values = ", ".join(["(%s, %s)"] * len(chunk))
        sql = (
            f"INSERT INTO {table} ({columns}) "  # noqa: S608 (identifiers from meta)
            f"SELECT v.column1, CASE WHEN s.{ver} >= v.column2 THEN s.{ver} + 1 "
            f"ELSE v.column2 END, 0, '', %s, %s, %s "
            f"FROM (VALUES {values}) AS v LEFT JOIN {known} AS s "
            f"ON s.{key} = v.column1 WHERE 1 = 1 "  # SQLite needs a WHERE here
            f"ON CONFLICT ({key}) DO UPDATE SET {ver} = CASE WHEN excluded.{ver} > "
            f"{table}.{ver} THEN excluded.{ver} ELSE {table}.{ver} + 1 END, "
            f"{q('available_at')} = excluded.{q('available_at')}, "
            f"{q('updated_at')} = excluded.{q('updated_at')}"
        )
        params = [at, at, at, *(p for k in chunk for p in (k, version))]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
