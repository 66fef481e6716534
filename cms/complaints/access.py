"""Who handles complaints: the province verification team and each OPD's liaisons.

Groups are created idempotently (like ``cms.opd.access``); membership is what
``selectors.reports_for`` reads. Permissions only open the admin and the models'
admin screens; which reports a person sees is decided by the selectors.
"""

from django.contrib.auth.models import Group, Permission

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


def _grant(group: Group, perms) -> None:
    # Permissions appear after their app's first migrate; add the ones that exist.
    found = Permission.objects.filter(
        content_type__app_label__in={app for app, _ in perms},
        codename__in={codename for _, codename in perms},
    ).select_related("content_type")
    wanted = set(perms)
    group.permissions.add(
        *(p for p in found if (p.content_type.app_label, p.codename) in wanted)
    )


def verifier_group_ensure() -> Group:
    group, _ = Group.objects.get_or_create(name=VERIFIER_GROUP)
    _grant(group, VERIFIER_PERMS)
    return group


def liaison_group_ensure(opd) -> Group:
    group, _ = Group.objects.get_or_create(name=liaison_group_name(opd))
    _grant(group, LIAISON_PERMS)
    return group


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
