"""Who handles complaints: the province verification team and each OPD's liaisons.

Groups are created idempotently (like ``cms.opd.access``); membership is what
``selectors.reports_for`` reads. Permissions only open the admin and the models'
admin screens; which reports a person sees is decided by the selectors.
"""

from django.contrib.auth.models import Group

from cms.core.group_permissions import ensure_group

VERIFIER_GROUP = "Provinsi: Tim Verifikasi Aduan"
LIAISON_SUFFIX = ": Penghubung Aduan"

VERIFIER_PERMS = [
    ("wagtailadmin", "access_admin"),
    ("complaints", "add_category"),
    ("complaints", "change_category"),
    ("complaints", "delete_category"),
    ("complaints", "view_category"),
    ("complaints", "view_report"),
    ("complaints", "change_report"),
]
LIAISON_PERMS = [
    ("wagtailadmin", "access_admin"),
    ("complaints", "view_report"),
]


def liaison_group_name(opd) -> str:
    return f"{opd.slug}{LIAISON_SUFFIX}"


def verifier_group_ensure() -> Group:
    return ensure_group(VERIFIER_GROUP, VERIFIER_PERMS)


def liaison_group_ensure(opd) -> Group:
    return ensure_group(liaison_group_name(opd), LIAISON_PERMS)


def complaints_access_ensure() -> None:
    """Repair every group: the verification team and one liaison group per OPD."""
    from cms.opd.models import OPDPage

    verifier_group_ensure()
    for opd in OPDPage.objects.all():
        liaison_group_ensure(opd)


def is_verifier(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=VERIFIER_GROUP).exists()


def liaison_opd_slugs(user) -> list[str]:
    """The slugs of the OPDs whose liaison group ``user`` belongs to."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    names = user.groups.filter(name__endswith=LIAISON_SUFFIX).values_list(
        "name", flat=True
    )
    return [name.removesuffix(LIAISON_SUFFIX) for name in names]
