"""Who receives which email. Addresses only: what an email may say about the
reporter is decided by its template and context (``messages``)."""

from django.conf import settings
from django.contrib.auth import get_user_model

from cms.complaints.access import VERIFIER_GROUP, liaison_group_name
from cms.complaints.models import Privacy


def reporter_address(report) -> list[str]:
    """Anonymous reporters left no identity, so they are never written to."""
    if report.privacy == Privacy.ANONIM or not report.reporter_email:
        return []
    return [report.reporter_email]


def _group_addresses(name: str) -> list[str]:
    users = get_user_model().objects.filter(is_active=True, groups__name=name)
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def liaison_addresses(opd) -> list[str]:
    return _group_addresses(liaison_group_name(opd))


def team_addresses() -> list[str]:
    """The province verification team, plus ``COMPLAINTS_ESCALATION_EMAILS`` (e.g.
    the head of Diskominfo) on escalations."""
    return _group_addresses(VERIFIER_GROUP)


def escalation_addresses(opd=None) -> list[str]:
    """Overdue: the team, the configured province addresses and, for an OPD's
    deadline, the OPD's official address (its page's *surel*, read by the head's
    office: OPD leaders have no address of their own)."""
    extra = list(getattr(settings, "COMPLAINTS_ESCALATION_EMAILS", []))
    head = [opd.email] if opd is not None and opd.email else []
    return sorted(set(team_addresses() + extra + head))
