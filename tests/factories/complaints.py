"""Complaints: categories, reports submitted the way citizens do, and the people
who handle them (the province verification team, an OPD's liaisons).

``add_report`` goes through ``services.submit`` (code, deadlines, timeline, events);
the reporter's secret link token is kept on ``report.token``.
"""

import itertools
import secrets

from django.contrib.auth import get_user_model

from cms.complaints import services
from cms.complaints.access import liaison_group_ensure, verifier_group_ensure
from cms.complaints.deadlines import resync
from cms.complaints.models import Category, Report

_serial = itertools.count(1)

# Not submit() fields: written to the row after submission (e.g. a past date).
_ROW_FIELDS = {
    "status",
    "submitted_at",
    "verify_due",
    "resolved_at",
    "close_due",
    "reopen_due",
    "reopened",
    "confirmed_at",
    "referral",
    "duplicate_of",
}


def _unique() -> str:
    """Unique in a kept database too (benchmarks, a dev shell)."""
    return f"{next(_serial)}-{secrets.token_hex(3)}"


def add_category(name=None, *, opd=None, slug=None, **fields) -> Category:
    """A category (default OPD ``opd``); ``name`` unique unless given."""
    n = _unique()
    name = name or f"Kategori {n}"
    slug = slug or f"kategori-{n}"
    return Category.objects.create(name=name, slug=slug, default_opd=opd, **fields)


def _user(username, group):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@bantenprov.go.id", password="x"
    )
    user.groups.add(group)
    return user


def verifier(username=None):
    """A member of the province verification team (password ``x``)."""
    return _user(username or f"verifikator.{_unique()}", verifier_group_ensure())


def liaison_of(opd, username=None):
    """A liaison of ``opd`` (password ``x``)."""
    name = username or f"{opd.slug}.penghubung.{_unique()}"
    return _user(name, liaison_group_ensure(opd))


def add_report(
    *, opds=(), uploads=(), source="portal", client_ip=None, by=None, **overrides
) -> Report:
    """A report submitted through ``services.submit``; each call a different
    reporter and text, so near-duplicate detection leaves it alone.

    ``opds``: disposed to these OPD pages (by ``by`` or a new verifier). Row fields
    such as ``status`` or ``submitted_at`` are written straight after submission
    (and ``due_on`` recomputed from them, as the services would store it).
    """
    n, tag = next(_serial), secrets.token_hex(3)
    row = {key: overrides.pop(key) for key in list(overrides) if key in _ROW_FIELDS}
    data = {
        "kind": "pengaduan",
        "category": overrides.pop("category", None) or add_category(),
        "title": f"Laporan uji nomor {n} ({tag})",
        "description": f"Uraian laporan uji {n}: " + "jalan rusak " * (n % 7 + 1),
        "region": "36.73",
        "privacy": "biasa",
        "reporter_name": f"Pelapor {n}",
        "reporter_email": f"pelapor{n}.{tag}@example.org",
        "reporter_phone": "",
    }
    data.update(overrides)
    report, token = services.submit(
        data=data,
        uploads=list(uploads),
        source=source,
        client_ip=client_ip or f"2001:db8::{n:x}:{tag[:4]}",
    )
    if opds:
        services.dispose(report, by or verifier(), list(opds), "")
    if row:
        written = Report.objects.filter(pk=report.pk)
        written.update(**row)
        resync(queryset=written)  # the stored next deadline follows the row
        report.refresh_from_db()
    report.token = token
    return report
