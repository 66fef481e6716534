"""Is a Celery worker taking tasks? One row of the operations panel
(cms/core/operations.py).

Not a readiness check (cms/core/health.py): a web process is ready without a
worker, and a broadcast ping every few seconds from each probe would be noise.
A ping waits up to a second when nobody answers, so the answer is cached briefly:
the panel refreshes every 30 s for every admin who has it open.
"""

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from cms.celery import app
from cms.core.operations import ERROR, OK, Fact, facts_provider

CACHE_KEY = "operations:worker-replies"
CACHE_SECONDS = 15
PING_TIMEOUT_SECONDS = 1.0
LABEL = _("Worker tugas latar (Celery)")


def worker_replies() -> list[str]:
    """Names of the workers that answered a ping (the first one is enough)."""
    names = cache.get(CACHE_KEY)
    if names is None:
        replies = app.control.ping(timeout=PING_TIMEOUT_SECONDS, limit=1) or []
        names = sorted(name for reply in replies for name in reply)
        cache.set(CACHE_KEY, names, CACHE_SECONDS)
    return names


@facts_provider(LABEL)
def worker_facts(request) -> list[Fact]:
    if app.conf.task_always_eager:  # `make run`: tasks run inside the web request
        return [
            Fact(
                LABEL,
                _("Tidak dipakai: tugas dijalankan langsung (mode lokal)"),
                OK,
            )
        ]
    names = worker_replies()
    if not names:
        return [
            Fact(
                LABEL,
                _("Tidak ada worker yang menjawab"),
                ERROR,
                help=_(
                    "Indeks pencarian, webhook, surel dan terbit terjadwal tertahan "
                    "sampai worker berjalan lagi; tidak ada yang hilang."
                ),
            )
        ]
    return [Fact(LABEL, _("Menjawab: %(names)s") % {"names": ", ".join(names)}, OK)]
