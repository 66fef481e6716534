"""Model permissions for the admin groups the apps create idempotently
(``cms.complaints.access``, ``cms.ppid.access``): the one copy of how a list of
``(app_label, codename)`` pairs becomes a group's permissions."""

from django.contrib.auth.models import Group, Permission


def grant_model_permissions(group: Group, perms) -> None:
    """Add the permissions ``perms`` (``(app_label, codename)`` pairs) to ``group``.

    Permissions appear after their app's first migrate, so the ones that do not
    exist yet are skipped rather than raised on: running the ensure again after
    that migrate completes the group. Never removes a permission."""
    found = Permission.objects.filter(
        content_type__app_label__in={app for app, _ in perms},
        codename__in={codename for _, codename in perms},
    ).select_related("content_type")
    wanted = set(perms)
    group.permissions.add(
        *(p for p in found if (p.content_type.app_label, p.codename) in wanted)
    )


def ensure_group(name: str, perms) -> Group:
    """The group called ``name``, created if missing, with at least ``perms``."""
    group, _ = Group.objects.get_or_create(name=name)
    grant_model_permissions(group, perms)
    return group
