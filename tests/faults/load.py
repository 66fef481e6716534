"""A steady load (about ``rate`` requests/s) over a list of paths, every answer kept
for the assertions: status, Retry-After, content type and the first bytes."""

import itertools
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import requests


@dataclass
class Answer:
    at: float  # time.monotonic() when sent
    path: str
    status: int  # 0: no HTTP answer at all (refused, reset, timed out)
    retry_after: str
    content_type: str
    body: str


class Load:
    def __init__(self, base_url: str, paths: list[str], rate: float = 20.0):
        self.base_url = base_url
        self.paths = paths
        self.rate = rate
        self.answers: list[Answer] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._local = threading.local()

    def __enter__(self) -> "Load":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=60)

    def _session(self) -> requests.Session:
        if not hasattr(self._local, "session"):
            self._local.session = requests.Session()
        return self._local.session

    def _get(self, path: str, sent: float) -> None:
        try:
            r = self._session().get(self.base_url + path, timeout=15)
            answer = Answer(
                sent,
                path,
                r.status_code,
                r.headers.get("Retry-After", ""),
                r.headers.get("Content-Type", ""),
                r.text[:2000],
            )
        except requests.RequestException as exc:
            answer = Answer(sent, path, 0, "", "", f"{type(exc).__name__}: {exc}")
        with self._lock:
            self.answers.append(answer)

    def _run(self) -> None:
        interval = 1.0 / self.rate
        with ThreadPoolExecutor(max_workers=16) as pool:
            next_at = time.monotonic()
            for path in itertools.cycle(self.paths):
                if self._stop.is_set():
                    break
                pool.submit(self._get, path, time.monotonic())
                next_at += interval
                time.sleep(max(0.0, next_at - time.monotonic()))

    def between(self, start: float, end: float) -> list[Answer]:
        with self._lock:
            return [a for a in self.answers if start <= a.at <= end]


def server_errors(answers: list[Answer], allowed=frozenset({503})) -> list[Answer]:
    """Answers a user would see as a failure: a 5xx other than ``allowed``, or none."""
    return [
        a
        for a in answers
        if a.status == 0 or (a.status >= 500 and a.status not in allowed)
    ]
