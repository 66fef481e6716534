"""Per-OPD isolation: groups, collections, page/collection permissions and workflow.

Each OPD gets an editor group and a reviewer group whose page permissions cover only
that OPD's subtree and whose media permissions cover only that OPD's collections.
The province communication team (Diskominfo / Biro Adpim) works across all OPDs.
Everything here is idempotent: it repairs what is missing and never duplicates.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.workflow.models import OPDReviewTask, ProvinceCurationTask

PROVINCE_GROUP = "Provinsi: Tim Komunikasi"

EDITOR_PAGE_PERMS = ["add_page", "change_page"]
REVIEWER_PAGE_PERMS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
EDITOR_MEDIA_PERMS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
# The province team also curates public search: synonyms, best bets, query reports.
PROVINCE_SEARCH_PERMS = [
    (app, f"{action}_{model}")
    for app, model in [("public_search", "searchterm"), ("public_search", "bestbet")]
    for action in ("add", "change", "delete", "view")
] + [("public_search", "view_searchquerystat")]
REVIEWER_MEDIA_PERMS = EDITOR_MEDIA_PERMS + [
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
]


def _perm(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _group(name: str) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(_perm("wagtailadmin", "access_admin"))
    return group


def grant_pages(group: Group, page, codenames: list[str]) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_perm("wagtailcore", codename)
        )


def grant_media(group: Group, collection: Collection, perms) -> None:
    for app_label, codename in perms:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_perm(app_label, codename)
        )


def _child_collection(parent: Collection, name: str) -> Collection:
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(instance=Collection(name=name))


@transaction.atomic
def province_access_ensure(home) -> Group:
    """The province team: edit and publish anywhere, all media, second approvals."""
    team = _group(PROVINCE_GROUP)
    team.permissions.add(
        *(_perm(app, codename) for app, codename in PROVINCE_SEARCH_PERMS)
    )
    grant_pages(team, home, REVIEWER_PAGE_PERMS)
    grant_media(team, Collection.get_first_root_node(), REVIEWER_MEDIA_PERMS)
    task, _ = ProvinceCurationTask.objects.get_or_create(
        name="Kurasi tim komunikasi provinsi"
    )
    task.groups.add(team)
    return team


def workflow_name(opd) -> str:
    """Reads after Wagtail's "Ajukan ke …": "Ajukan ke redaksi Diskominfo"."""
    return f"redaksi {opd.short_name}"


def review_task_name(opd) -> str:
    """Reads after "Menunggu …" and "Ajukan ulang untuk …"."""
    return f"tinjauan redaksi {opd.short_name}"


def _named(obj, name):
    """Save ``obj`` under ``name``; existing rows are renamed, not duplicated, so a
    changed short name (or the old naming scheme) is repaired in place."""
    if obj.pk is None or obj.name != name:
        obj.name = name
        obj.save()
    return obj


@transaction.atomic
def opd_access_ensure(opd) -> None:
    """Create (or repair) the OPD's groups, collections, permissions and workflow."""
    editors = _group(f"{opd.slug}: Editor")
    reviewers = _group(f"{opd.slug}: Reviewer")
    grant_pages(editors, opd, EDITOR_PAGE_PERMS)
    grant_pages(reviewers, opd, REVIEWER_PAGE_PERMS)

    root = Collection.get_first_root_node()
    collection = opd.collection or _child_collection(root, opd.title)
    exempt = opd.exempt_collection or _child_collection(
        collection, f"{opd.title} — dikecualikan"
    )
    grant_media(editors, collection, EDITOR_MEDIA_PERMS)
    grant_media(reviewers, collection, REVIEWER_MEDIA_PERMS)
    # Exempted documents: only this OPD's people (and the province team) may download.
    restriction, _ = CollectionViewRestriction.objects.get_or_create(
        collection=exempt,
        defaults={"restriction_type": CollectionViewRestriction.GROUPS},
    )
    province = Group.objects.filter(name=PROVINCE_GROUP)
    restriction.groups.add(editors, reviewers, *province)

    review_task = OPDReviewTask.objects.filter(groups=reviewers).first()
    review_task = _named(review_task or OPDReviewTask(), review_task_name(opd))
    review_task.groups.add(reviewers)
    assigned = WorkflowPage.objects.filter(page=opd).select_related("workflow").first()
    created = assigned is None
    workflow = _named(assigned.workflow if assigned else Workflow(), workflow_name(opd))
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=review_task, sort_order=0)
        curation = ProvinceCurationTask.objects.first()
        if curation is not None:
            WorkflowTask.objects.create(workflow=workflow, task=curation, sort_order=1)
    WorkflowPage.objects.update_or_create(page=opd, defaults={"workflow": workflow})

    type(opd).objects.filter(pk=opd.pk).update(
        editor_group=editors,
        reviewer_group=reviewers,
        collection=collection,
        exempt_collection=exempt,
    )
    opd.editor_group, opd.reviewer_group = editors, reviewers
    opd.collection, opd.exempt_collection = collection, exempt
