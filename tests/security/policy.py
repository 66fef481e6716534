"""Reading a Content-Security-Policy header, and the documented production
environment (docs/production.env.example) for subprocesses."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "production.env.example"
# What a subprocess keeps of this environment: nothing that configures the app.
KEPT = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")


def directives(header: str) -> dict[str, list[str]]:
    policy = {}
    for part in header.split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def example_env() -> dict[str, str]:
    values = {}
    for line in EXAMPLE.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            values[name] = value
    return values


def production_env(**overrides: str | None) -> dict[str, str]:
    """The documented production environment with a generated SECRET_KEY (the
    example leaves it empty on purpose); ``None`` removes a variable."""
    env = {name: os.environ[name] for name in KEPT if name in os.environ}
    env |= example_env() | {"SECRET_KEY": secrets.token_urlsafe(50)}
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run_python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
