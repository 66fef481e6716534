"""The other process: makes the changes (``phases.drive``) when asked."""

import sys

from tests.faults.ops_client import LineChild


class Driver(LineChild):
    """``ask("submit <page id>")`` and the other commands of ``phases.drive``: the
    driver's commit and sent times (wall clock, ms)."""

    def __init__(self, env: dict, script: str):
        super().__init__([sys.executable, script, "--phase", "drive"], env)
        line = self.proc.stdout.readline()
        if line.strip() != "READY":
            raise RuntimeError(f"driver did not start: {line!r}")
