"""`make run` uses the embedded default (SQLite, eager Celery, database search):
every migration must apply there too, not only on PostgreSQL. A PostgreSQL-only
operation (e.g. CREATE INDEX CONCURRENTLY) once broke `make run` while the
PostgreSQL suite stayed green."""

from .child import embedded_env, run_python


def test_all_migrations_apply_on_the_embedded_sqlite(tmp_path):
    env = embedded_env(tmp_path)
    run_python(env, "manage.py", "migrate", "--noinput", "-v0")
    run_python(env, "manage.py", "migrate", "--check", "--noinput", timeout=300)
