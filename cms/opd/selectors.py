"""Read queries on OPDs, shared by the portal and the API."""

from django.db.models import Q, QuerySet

from cms.core.visibility import only_public

from .models import OPDPage


def opd_list() -> QuerySet[OPDPage]:
    return only_public(OPDPage.objects.all()).order_by("title")


def opds_of_user(user) -> QuerySet[OPDPage]:
    """The OPDs whose editor or reviewer group the user belongs to."""
    groups = user.groups.all()
    return OPDPage.objects.filter(
        Q(editor_group__in=groups) | Q(reviewer_group__in=groups)
    ).distinct()
