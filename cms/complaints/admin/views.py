"""A report's page (fields, identity when allowed, dispositions, attachments, the
timeline and the action forms), the attachment download, and the menu's landing.

Each view starts from ``reports_for(user)``: a report outside the user's reach is a
404 here exactly as in the queue.
"""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.complaints import clock
from cms.complaints.models import ActorRole, Attachment, Privacy
from cms.complaints.selectors import reporter_identity_visible, reports_for
from cms.complaints.timeline import entry_text

from .actions import Actor, action_label, available_actions, build_form
from .followup import followup_state
from .queues import deadline_badge
from .roles import is_liaison, is_verifier


def queue_index(request):
    """The menu's "Aduan Masyarakat": the user's own first queue."""
    if is_verifier(request.user):
        return redirect("complaints_admin:masuk")
    if is_liaison(request.user):
        return redirect("complaints_admin:opd")
    raise PermissionDenied


def actor_name(entry) -> str:
    """Who wrote a timeline entry, as the staff should see it: never the
    reporter's name (that is the identity section's business)."""
    if entry.actor_role == ActorRole.PELAPOR:
        return _("Pelapor")
    if entry.actor_role == ActorRole.SISTEM or entry.actor is None:
        return _("Sistem")
    name = entry.actor.get_full_name() or entry.actor.get_username()
    return f"{name} ({entry.opd.title})" if entry.opd else name


def hidden_identity_label(report) -> str:
    if report.privacy == Privacy.ANONIM:
        return _("Anonim")
    return _("Identitas dirahasiakan")


class ReportDetailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "complaints/admin/detail.html"
    header_icon = "comment"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.report = get_object_or_404(
            reports_for(request.user).select_related("category", "duplicate_of"),
            pk=kwargs["pk"],
        )

    def get_page_title(self):
        return _("Laporan %(code)s") % {"code": self.report.tracking_code}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("complaints_admin:index"), "label": _("Aduan Masyarakat")},
            {"url": "", "label": self.report.tracking_code},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report, user = self.report, self.request.user
        today = clock.today()
        entries = list(
            report.timeline.select_related("actor", "opd").prefetch_related(
                "attachments"
            )
        )
        for entry in entries:
            entry.actor_display = actor_name(entry)
            entry.text = entry_text(entry)  # system entries in the admin's language
        dispositions = list(
            report.dispositions.select_related("opd", "disposed_by").order_by(
                "-active", "disposed_at"
            )
        )
        for disposition in dispositions:
            pending = disposition.active and disposition.first_response_at is None
            disposition.badge = (
                deadline_badge(disposition.first_response_due, today)
                if pending and report.status in ("disposisi", "tindak_lanjut")
                else None
            )
        actor = Actor(user, report)
        context.update(
            report=report,
            identity_visible=reporter_identity_visible(user, report),
            hidden_identity=hidden_identity_label(report),
            verify_badge=(
                deadline_badge(report.verify_due, today)
                if report.status in ("baru", "perlu_info")
                else None
            ),
            dispositions=dispositions,
            followup=followup_state(user, report),
            attachments=Attachment.objects.filter(report=report).select_related(
                "entry"
            ),
            entries=entries,
            actions=[
                {
                    "action": action,
                    "label": action_label(action, report),
                    "form": build_form(action, actor),
                    "url": reverse(
                        "complaints_admin:action", args=[report.pk, action.slug]
                    ),
                }
                for action in available_actions(user, report)
            ],
        )
        return context


def attachment_download(request, pk, attachment_pk):
    """Stream an attachment from private storage to someone who may see its
    report. Never a redirect to a storage URL: the file has no public address."""
    report = get_object_or_404(reports_for(request.user), pk=pk)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, report=report)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
