"""The test side of ``tests/faults/ops.py``: one long-lived Django process, so each
publish costs a request, not a Django start-up. ``LineChild`` is the pipe both it and
bench/live's driver process speak."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class LineChild:
    """A child process in a session of its own, asked one line at a time on its
    stdin; it answers each with one JSON line on its stdout."""

    def __init__(self, cmd: list[str], env: dict, stderr=None):
        self.proc = subprocess.Popen(
            cmd,
            env=env,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            start_new_session=True,
        )

    def ask(self, line: str):
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        if not answer:
            raise RuntimeError(f"{self.proc.args[1:]} exited ({self.proc.poll()})")
        return json.loads(answer)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)


class Ops(LineChild):
    def __init__(self, env: dict, log: Path):
        self._log = open(log, "ab")  # noqa: SIM115
        cmd = [sys.executable, "-m", "tests.faults.ops"]
        super().__init__(cmd, env, stderr=self._log)

    def call(self, op: str, **args):
        answer = self.ask(json.dumps({"op": op, "args": args}))
        if not answer["ok"]:
            raise RuntimeError(f"ops {op} failed: {answer['error']}")
        return answer["result"]

    def close(self) -> None:
        super().close()
        self._log.close()
