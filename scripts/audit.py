"""Known vulnerabilities in the pinned packages (requirements/constraints.txt) with
pip-audit, failing loudly when it could not check them.

pip-audit skips a package it cannot look up (no network, database unreachable)
and still prints "No known vulnerabilities found" and exits 0: here every skipped
package, or an audit of nothing, is a failure. Usage (``make audit``):
    python scripts/audit.py PIP_AUDIT [REQUIREMENTS]
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

OK, VULNERABLE, NOT_CHECKED = 0, 1, 2


def verdict(report: dict) -> tuple[int, list[str]]:
    """(exit status, lines to print) for pip-audit's JSON report."""
    dependencies = report.get("dependencies", [])
    skipped = [d for d in dependencies if "skip_reason" in d]
    found = [d for d in dependencies if d.get("vulns")]
    lines = []
    for dependency in found:
        for vuln in dependency["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
            lines.append(
                f"VULNERABLE {dependency['name']} {dependency['version']}: "
                f"{vuln['id']} (fixed in {fixed})"
            )
    if not dependencies or skipped:
        lines.append(
            f"AUDIT NOT DONE: {len(skipped)} of {len(dependencies)} packages could "
            "not be checked (is the vulnerability database reachable?), e.g.: "
            + (skipped[0]["skip_reason"] if skipped else "no packages were audited")
        )
        return NOT_CHECKED, lines
    if found:
        return VULNERABLE, lines
    lines.append(f"Audited {len(dependencies)} packages: no known vulnerabilities.")
    return OK, lines


def main(pip_audit: str, requirements: str = "requirements/constraints.txt") -> int:
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "audit.json"
        done = subprocess.run(  # noqa: S603 - pip-audit with fixed arguments
            [
                pip_audit,
                "--requirement",
                requirements,
                "--no-deps",  # every package is pinned in the lock file
                "--disable-pip",
                "--progress-spinner",
                "off",
                "--format",
                "json",
                "--output",
                str(output),
            ],
            capture_output=True,
            text=True,
        )
        if not output.exists():
            print(done.stderr.strip(), file=sys.stderr)
            print("AUDIT NOT DONE: pip-audit wrote no report.", file=sys.stderr)
            return NOT_CHECKED
        status, lines = verdict(json.loads(output.read_text()))
    for line in lines:
        print(line, file=sys.stderr if status else sys.stdout)
    return status


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
