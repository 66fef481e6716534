"""The other process: makes the changes (``phases.drive``) when asked."""

import json
import subprocess
import sys

from bench.common import ROOT


class Driver:
    def __init__(self, env: dict, script: str):
        self.proc = subprocess.Popen(
            [sys.executable, script, "--phase", "drive"],
            env=env,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        line = self.proc.stdout.readline()
        if line.strip() != "READY":
            raise RuntimeError(f"driver did not start: {line!r}")

    def ask(self, command: str) -> dict:
        """``submit <page id>`` or ``send <user id>``: the driver's commit and
        sent times (wall clock, ms)."""
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"driver exited ({self.proc.wait()})")
        return json.loads(line)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
