"""Who may use which complaints screen (the groups are made in ``access.py``).

Answers are kept on the request's user object: the menu, the queue and the action
checks ask several times per page, and one user object lives for one request.
"""

from cms.complaints import access
from cms.opd.models import OPDPage


def _memo(user, name, compute):
    if not hasattr(user, name):
        setattr(user, name, compute(user))
    return getattr(user, name)


def is_verifier(user) -> bool:
    return _memo(user, "_complaints_verifier", access.is_verifier)


def liaison_slugs(user) -> list[str]:
    return _memo(user, "_complaints_liaison_slugs", access.liaison_opd_slugs)


def liaison_opds(user):
    """The OPDs ``user`` answers reports for (their liaison groups)."""
    return OPDPage.objects.filter(slug__in=liaison_slugs(user))


def is_liaison(user) -> bool:
    return bool(liaison_slugs(user))
