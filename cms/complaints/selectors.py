"""Who sees which reports, and the reads the portal, API and admin share.

Isolation: the verification team (and superusers) see every report; an OPD's
liaisons see only reports with an ACTIVE disposition to their OPD, so a
re-disposition takes the report away from the OPD that lost it.
"""

from django.db.models import Min, Q

from cms.core.secret_links import token_hash, token_matches

from .access import is_verifier, liaison_opd_slugs
from .codes import normalise_code
from .models import Privacy, Report, Status, TimelineEntry
from .transitions import OPEN_FOR_VERIFICATION


def reports_for(user):
    if is_verifier(user):
        return Report.objects.all()
    slugs = liaison_opd_slugs(user)
    if not slugs:
        return Report.objects.none()
    return Report.objects.filter(
        pk__in=Report.objects.filter(
            dispositions__active=True, dispositions__opd__slug__in=slugs
        ).values("pk")
    )


def verification_queue():
    """Reports waiting for the province team, the most urgent first."""
    return (
        Report.objects.filter(status__in=OPEN_FOR_VERIFICATION)
        .select_related("category")
        .order_by("verify_due", "submitted_at")
    )


def opd_queue(opd):
    """Reports disposed to ``opd`` and not finished, earliest first-response
    deadline first (``opd_first_response_due`` annotated)."""
    return (
        Report.objects.filter(dispositions__active=True, dispositions__opd=opd)
        .filter(status__in=[Status.DISPOSISI, Status.TINDAK_LANJUT])
        .annotate(
            opd_first_response_due=Min(
                "dispositions__first_response_due",
                filter=Q(dispositions__active=True, dispositions__opd=opd),
            )
        )
        .select_related("category")
        .order_by("opd_first_response_due", "submitted_at")
    )


def public_timeline(report):
    """What the reporter and anyone holding the code may read: public entries."""
    return (
        TimelineEntry.objects.filter(report=report, public=True)
        .select_related("opd")
        .order_by("at", "pk")
    )


def reporter_identity_visible(user, report) -> bool:
    """Rahasia: the verification team and superusers only; anonim: nobody (nothing
    is stored); biasa: whoever may see the report."""
    if report.privacy == Privacy.ANONIM:
        return False
    if report.privacy == Privacy.RAHASIA:
        return is_verifier(user)
    return reports_for(user).filter(pk=report.pk).exists()


def find_by_code(code) -> Report | None:
    """The report with this tracking code as typed (any case, with or without the
    dash), or None."""
    normalised = normalise_code(code)
    if normalised is None:
        return None
    return Report.objects.filter(tracking_code=normalised).first()


def find_by_reply_token(token) -> Report | None:
    """The report a secret link (``/lapor/balas/<token>/``) opens, or None. The link
    carries only the token; its hash is what is stored and looked up."""
    if not token or len(str(token)) > 100:
        return None
    return (
        Report.objects.filter(reply_token_hash=token_hash(token))
        .select_related("category")
        .first()
    )


def find_by_token(code, token) -> Report | None:
    """The report the reporter's secret link points at, or None."""
    report = find_by_code(code)
    if report is None or not token:
        return None
    if not token_matches(token, report.reply_token_hash):
        return None
    return report
