"""Who may use which PPID screen (the groups are made in ``cms.ppid.access``).

Answers are kept on the request's user object: the menu, the queues and the action
checks ask several times per page, and one user object lives for one request.
Superusers stand in for every role.
"""

from cms.opd.models import OPDPage
from cms.ppid import access


def _memo(user, name, compute):
    if not hasattr(user, name):
        setattr(user, name, compute(user))
    return getattr(user, name)


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def is_utama(user) -> bool:
    return _active(user) and (
        user.is_superuser or _memo(user, "_ppid_utama", access.is_ppid_utama)
    )


def opd_ids(user) -> frozenset[int]:
    """The OPDs whose PPID Pelaksana group ``user`` belongs to."""
    if not _active(user):
        return frozenset()
    return _memo(
        user, "_ppid_opd_ids", lambda u: frozenset(access.pelaksana_opd_ids(u))
    )


def pelaksana_opds(user):
    return OPDPage.objects.filter(pk__in=opd_ids(user))


def is_pelaksana(user) -> bool:
    return bool(opd_ids(user))


def is_atasan(user) -> bool:
    return _active(user) and (
        user.is_superuser or _memo(user, "_ppid_atasan", access.is_atasan)
    )


def is_ppid(user) -> bool:
    return is_utama(user) or is_pelaksana(user) or is_atasan(user)


def request_opd_id(request) -> int | None:
    """The OPD that answers for a request: the assigned one, else the addressed."""
    return request.assigned_opd_id or request.addressed_opd_id


def handles(user, request) -> bool:
    """May process the request (assign aside): PPID Utama, or the PPID Pelaksana
    of the OPD that answers for it."""
    return is_utama(user) or request_opd_id(request) in opd_ids(user)


def identity_visible(user, request) -> bool:
    """The requester's identity is needed to answer: PPID Utama and the handling
    OPD's PPID Pelaksana see it; the superior (Atasan) sees the objection only."""
    return handles(user, request)
