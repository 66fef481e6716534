"""Workflow tasks of the editorial process, built on Wagtail's group approval task.

Every OPD's workflow is: its own reviewers approve (``OPDReviewTask``), then the
province communication team approves only when the item asks for province-wide
exposure (``ProvinceCurationTask``); otherwise that step is skipped automatically.
Both refuse approval while the item fails the accessibility requirements.
"""

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState

from cms.content.accessibility import page_accessibility_problems

# A draft's content is fixed by (id, saved at): an autosave that overwrites it
# moves the time. Images' own fields may change meanwhile, hence minutes only.
GATE_MEMORY_SECONDS = 300


class AccessibilityGateMixin:
    """Confirmed decisions; no approve action while the revision under review has
    accessibility problems."""

    def _problems(self, obj) -> list:
        revision = obj.get_latest_revision()
        return page_accessibility_problems(revision.as_object() if revision else obj)

    def _has_problems(self, obj) -> bool:
        """``_problems`` for listings (the dashboard asks for every row it shows, and
        the live admin re-renders it after each change): remembered per saved
        draft for a few minutes. Approving checks afresh (``on_action``)."""
        stamp = getattr(obj, "latest_revision_created_at", None)
        if stamp is None:
            return bool(self._problems(obj))
        key = f"workflow:a11y:{obj.pk}:{obj.latest_revision_id}:{stamp.timestamp()}"
        known = cache.get(key)
        if known is None:
            known = bool(self._problems(obj))
            cache.set(key, known, GATE_MEMORY_SECONDS)
        return known

    def get_actions(self, obj, user):
        # Wagtail offers "Approve" without a dialog next to "Approve with comment":
        # here both decisions open a dialog that confirms them (comment optional).
        if not super().get_actions(obj, user):
            return []
        actions = [("reject", _("Minta perubahan"), True)]
        if not self._has_problems(obj):
            actions.append(("approve", _("Setujui"), True))
        return actions

    def get_template_for_action(self, action):
        return "editorial/workflow_action_modal.html"

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            problems = self._problems(task_state.workflow_state.content_object)
            if problems:
                raise PermissionDenied("; ".join(message for _, message in problems))
        return super().on_action(task_state, user, action_name, **kwargs)


class OPDReviewTask(AccessibilityGateMixin, AbstractGroupApprovalTask):
    """Approval by the reviewers of the OPD that owns the item."""

    class Meta:
        verbose_name = _("tinjauan reviewer OPD")
        verbose_name_plural = _("tinjauan reviewer OPD")

    @classmethod
    def get_description(cls):
        return _("Reviewer OPD pemilik konten menyetujui atau meminta perubahan.")


class ProvinceCurationTask(AccessibilityGateMixin, AbstractGroupApprovalTask):
    """Second approval for homepage featuring and province-curated series."""

    class Meta:
        verbose_name = _("kurasi tim komunikasi provinsi")
        verbose_name_plural = _("kurasi tim komunikasi provinsi")

    @classmethod
    def get_description(cls):
        return _(
            "Tim komunikasi provinsi menyetujui konten yang diusulkan tampil di "
            "beranda provinsi atau bergabung ke seri kurasi provinsi."
        )

    def start(self, workflow_state, user=None):
        revision = workflow_state.content_object.get_latest_revision()
        obj = revision.as_object() if revision else workflow_state.content_object
        needs = getattr(obj, "needs_province_curation", None)
        if needs is not None and needs():
            return super().start(workflow_state, user=user)
        # Not asking for province-wide exposure: record the step as skipped, and
        # Wagtail moves the workflow on at once.
        return TaskState.objects.create(
            workflow_state=workflow_state,
            revision=revision,
            task=self,
            status=TaskState.STATUS_SKIPPED,
            finished_at=timezone.now(),
        )
