"""`make audit` (scripts/audit.py) never reports a pass it did not check: pip-audit
skips packages it cannot look up and still says "No known vulnerabilities found"."""

import importlib.util

from .policy import ROOT


def load_audit():
    spec = importlib.util.spec_from_file_location("audit", ROOT / "scripts/audit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


audit = load_audit()
SKIPPED = {"name": "django", "skip_reason": "Dependency not found on PyPI ..."}
CLEAN = {"name": "wagtail", "version": "8.0.1", "vulns": []}
VULN = {
    "name": "django",
    "version": "5.2.1",
    "vulns": [{"id": "PYSEC-1", "fix_versions": ["5.2.2"]}],
}


def test_unreachable_database_is_a_failure_not_a_pass():
    status, lines = audit.verdict({"dependencies": [SKIPPED, SKIPPED]})
    assert status == audit.NOT_CHECKED
    assert "AUDIT NOT DONE: 2 of 2 packages could not be checked" in lines[-1]
    # One skipped package among checked ones is still not a pass.
    assert audit.verdict({"dependencies": [CLEAN, SKIPPED]})[0] == audit.NOT_CHECKED
    assert audit.verdict({"dependencies": []})[0] == audit.NOT_CHECKED


def test_vulnerabilities_fail_and_a_full_audit_passes():
    status, lines = audit.verdict({"dependencies": [CLEAN, VULN]})
    assert status == audit.VULNERABLE
    assert lines == ["VULNERABLE django 5.2.1: PYSEC-1 (fixed in 5.2.2)"]
    assert audit.verdict({"dependencies": [CLEAN]})[0] == audit.OK
