"""Who handles information requests (UU 14/2008, Perki 1/2021).

- PPID Utama (the province's, at Diskominfo): every request, with identity.
- Each OPD's PPID Pelaksana: only its OPD's requests (assigned to it, or
  addressed to it while unassigned), identity included since it answers them.
- Atasan PPID: answers objections (keberatan).

Groups are created idempotently (``cms.core.group_permissions``); which requests a
person sees is decided by ``selectors.requests_for``.
"""

from django.contrib.auth.models import Group

from cms.core.group_permissions import ensure_group

UTAMA_GROUP = "Provinsi: PPID Utama"
ATASAN_GROUP = "Provinsi: Atasan PPID"
PELAKSANA_SUFFIX = ": PPID Pelaksana"

_VIEW = [("wagtailadmin", "access_admin"), ("ppid", "view_informationrequest")]
UTAMA_PERMS = [*_VIEW, ("ppid", "change_informationrequest")]
PELAKSANA_PERMS = [*_VIEW, ("ppid", "change_informationrequest")]
ATASAN_PERMS = [*_VIEW, ("ppid", "change_objection")]


def pelaksana_group_name(opd) -> str:
    return f"{opd.slug}{PELAKSANA_SUFFIX}"


def watcher_groups(opd_slugs) -> list[str]:
    """Whose queues show requests addressed or assigned to the OPDs of
    ``opd_slugs`` (None: no OPD): PPID Utama, the Atasan (objections) and those
    OPDs' PPID Pelaksana."""
    slugs = sorted(set(opd_slugs) - {None})
    return [UTAMA_GROUP, ATASAN_GROUP, *(f"{s}{PELAKSANA_SUFFIX}" for s in slugs)]


def utama_group_ensure() -> Group:
    return ensure_group(UTAMA_GROUP, UTAMA_PERMS)


def atasan_group_ensure() -> Group:
    return ensure_group(ATASAN_GROUP, ATASAN_PERMS)


def pelaksana_group_ensure(opd) -> Group:
    """The OPD's PPID Pelaksana also keeps the OPD's DIP: a granted answer promoted
    to the DIP opens as a draft entry it must be able to complete (add and edit
    under the OPD's DIP index, documents of the OPD's collection); publishing still
    goes through the OPD's review workflow."""
    from cms.dip.models import DIPIndexPage
    from cms.opd.access import (
        EDITOR_MEDIA_PERMS,
        EDITOR_PAGE_PERMS,
        grant_media,
        grant_pages,
    )

    group = ensure_group(pelaksana_group_name(opd), PELAKSANA_PERMS)
    for index in DIPIndexPage.objects.child_of(opd):
        grant_pages(group, index, EDITOR_PAGE_PERMS)
    if opd.collection_id:
        grant_media(group, opd.collection, EDITOR_MEDIA_PERMS)
    return group


def ppid_access_ensure() -> None:
    """Repair every group: PPID Utama, Atasan PPID and one PPID Pelaksana per OPD."""
    from cms.opd.models import OPDPage

    utama_group_ensure()
    atasan_group_ensure()
    for opd in OPDPage.objects.all():
        pelaksana_group_ensure(opd)


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def _in_group(user, name: str) -> bool:
    return _active(user) and (
        user.is_superuser or user.groups.filter(name=name).exists()
    )


def is_ppid_utama(user) -> bool:
    return _in_group(user, UTAMA_GROUP)


def is_atasan(user) -> bool:
    return _in_group(user, ATASAN_GROUP)


def pelaksana_opd_slugs(user) -> list[str]:
    if not _active(user):
        return []
    names = user.groups.filter(name__endswith=PELAKSANA_SUFFIX).values_list(
        "name", flat=True
    )
    return [name.removesuffix(PELAKSANA_SUFFIX) for name in names]


def pelaksana_opd_ids(user) -> list[int]:
    """The pks of the OPDs whose PPID Pelaksana group ``user`` belongs to."""
    from cms.opd.models import OPDPage

    slugs = pelaksana_opd_slugs(user)
    if not slugs:
        return []
    return list(OPDPage.objects.filter(slug__in=slugs).values_list("pk", flat=True))


def role_of(user, opd_id=None) -> str:
    """The timeline role ``user`` acts in (``ActorRole`` value)."""
    if is_ppid_utama(user):
        return "ppid_utama"
    if opd_id is not None and opd_id in pelaksana_opd_ids(user):
        return "ppid_pelaksana"
    if is_atasan(user):
        return "atasan"
    return "ppid_pelaksana"
