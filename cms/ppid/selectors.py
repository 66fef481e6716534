"""Who sees which requests, and the reads the portal, API and admin share.

``public_register`` is the only read for public surfaces: it returns values, and
none of them is the requester's identity or contact.
"""

from datetime import date

from django.db.models import F, Q, QuerySet

from cms.core.secret_links import token_hash

from .access import is_atasan, is_ppid_utama, pelaksana_opd_ids
from .models import InformationRequest, Objection, Status

UNDECIDED = (Status.DITERIMA, Status.DIPROSES)
PUBLIC_FIELDS = (
    "register_number",
    "filed_on",
    "information_requested",
    "status",
    "decision",
    "decided_on",
)


def _requests() -> QuerySet[InformationRequest]:
    return InformationRequest.objects.select_related("addressed_opd", "assigned_opd")


def _opd_filter(opd_ids) -> Q:
    """Requests an OPD answers: assigned to it, or addressed to it while nobody
    has assigned them yet."""
    return Q(assigned_opd_id__in=opd_ids) | Q(
        assigned_opd__isnull=True, addressed_opd_id__in=opd_ids
    )


def requests_for(user) -> QuerySet[InformationRequest]:
    """Every request for PPID Utama; for a PPID Pelaksana its OPDs' requests; for
    the Atasan PPID the requests with an objection; none for anyone else."""
    if is_ppid_utama(user):
        return _requests()
    condition = Q(pk__in=[])
    opd_ids = pelaksana_opd_ids(user)
    if opd_ids:
        condition |= _opd_filter(opd_ids)
    if is_atasan(user):
        condition |= Q(pk__in=Objection.objects.values("request_id"))
    return _requests().filter(condition)


def utama_queue() -> QuerySet[InformationRequest]:
    """Undecided requests, nearest deadline first."""
    return _requests().filter(status__in=UNDECIDED).order_by("due_on", "pk")


def pelaksana_queue(opd) -> QuerySet[InformationRequest]:
    return utama_queue().filter(_opd_filter([opd.pk]))


def objection_queue() -> QuerySet[Objection]:
    """Objections waiting for the Atasan PPID's answer, nearest deadline first."""
    return (
        Objection.objects.filter(answered_at__isnull=True)
        .select_related("request", "request__assigned_opd", "request__addressed_opd")
        .order_by("due_on", "pk")
    )


def overdue(queryset, today: date):
    """Undecided past their deadline (the queues' "terlambat" filter)."""
    return queryset.filter(status__in=UNDECIDED, due_on__lt=today)


def find_by_token(token) -> InformationRequest | None:
    """The request a secret link names (the hash is unique in practice)."""
    if not token:
        return None
    return _requests().filter(access_token_hash=token_hash(token)).first()


def public_register():
    """Rows for the public register: number, dates, what was asked, status,
    decision and the OPD's name; never identity or contacts. A values queryset,
    newest first."""
    return InformationRequest.objects.order_by("-filed_at", "-pk").values(
        *PUBLIC_FIELDS,
        opd_name=F("assigned_opd__title"),
        addressed_opd_name=F("addressed_opd__title"),
    )


def deadline(request) -> date | None:
    """The deadline that runs now: the decision's while undecided, the Atasan's
    answer while an objection is open; None when nothing is due."""
    objection = request.objections.filter(answered_at__isnull=True).first()
    if objection is not None:
        return objection.due_on
    if request.status in UNDECIDED:
        return request.due_on
    return None


def public_timeline(request):
    return request.timeline.filter(public=True).order_by("at", "pk")
