"""The serta merta fast path (UU 14/2008 Art. 10).

Information that threatens life or public order (disasters, outbreaks) must reach the
public at once. An editor of the owning OPD may publish such an item immediately; the
OPD's normal workflow is then started (or left running) so a reviewer still checks it
afterwards. Every use is recorded in the audit log.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from cms.content.accessibility import page_accessibility_problems

SERTA_MERTA_ACTION = "sipanganten.serta_merta"


def serta_merta_allowed(*, page, user) -> bool:
    revision = page.get_latest_revision()
    candidate = revision.as_object() if revision else page
    return bool(getattr(candidate, "serta_merta", False)) and (
        page.permissions_for_user(user).can_edit()
    )


@transaction.atomic
def serta_merta_publish(*, page, user):
    """Publish the latest revision now and keep a review task open afterwards."""
    page = page.specific
    if not serta_merta_allowed(page=page, user=user):
        raise PermissionDenied(
            _("Hanya informasi serta merta milik OPD Anda yang boleh terbit segera.")
        )
    revision = page.get_latest_revision() or page.save_revision(user=user)
    problems = page_accessibility_problems(revision.as_object())
    if problems:
        raise ValidationError([message for _field, message in problems])

    # Permission was checked above: editors may use this path without publish rights.
    revision.publish(user=user, log_action=True, skip_permission_checks=True)
    page.refresh_from_db()
    log(instance=page, action=SERTA_MERTA_ACTION, user=user, revision=revision)

    if not page.workflow_in_progress:
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user)
    return revision
