"""Searches for "permohonan informasi", "ppid", "keberatan informasi"... lead to
/ppid/permohonan/, the way ``complaints_promo`` leads "pengaduan" to /lapor/:
a fixed promotion above the results (the form is a view, not a page, so best bets
cannot pin it).

One word is enough when it names the service itself ("ppid"); a general word
("informasi", "permohonan") needs its partner, so "laporan informasi keuangan"
is left to the results.
"""

import re

# Not "kip" (Kartu Indonesia Pintar) nor "slip" (slip gaji): other searches.
SERVICE_WORDS = frozenset({"ppid"})
PAIRS = (
    (
        {"permohonan", "mohon", "memohon", "permintaan", "meminta", "minta"},
        {"informasi"},
    ),
    ({"keberatan"}, {"informasi", "ppid"}),
    ({"request", "requests"}, {"information"}),
)
_WORDS = re.compile(r"[^\W\d_]+")


def wants_ppid(q: str) -> bool:
    words = set(_WORDS.findall((q or "").lower()))
    if words & SERVICE_WORDS:
        return True
    return any(words & first and words & second for first, second in PAIRS)
