"""A request's page (the request, the requester when allowed, documents, the
objection and dispute, the timeline and the action forms), the document
downloads, the promotion of a document into the DIP, and the menu's landing.

Each view starts from ``requests_for(user)``: a request outside the user's reach
is a 404 here exactly as in the queue.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.ppid import clock, services
from cms.ppid.grounds import OBJECTION_GROUNDS
from cms.ppid.models import IdentityDocument, RequestDocument
from cms.ppid.selectors import deadline, requests_for
from cms.ppid.timeline import entry_text

from .actions import available_actions, build_form, objections
from .queues import APP, deadline_badge
from .roles import handles, identity_visible, is_atasan, is_pelaksana, is_utama

GRANTED = ("diberikan_seluruhnya", "diberikan_sebagian")


def queue_index(request):
    """The menu's "Layanan Informasi": the user's own first queue."""
    for allowed, name in (
        (is_utama, "ppid_admin:masuk"),
        (is_pelaksana, "ppid_admin:opd"),
        (is_atasan, "ppid_admin:keberatan"),
    ):
        if allowed(request.user):
            return redirect(name)
    raise PermissionDenied


def actor_name(entry) -> str:
    """Who wrote a timeline entry, as the staff should see it: never the
    requester's name (that is the identity section's business)."""
    if entry.actor_role == "pemohon":
        return str(_("Pemohon"))
    if entry.actor is None:
        return str(_("Sistem"))
    name = entry.actor.get_full_name() or entry.actor.get_username()
    return f"{name} ({entry.get_actor_role_display()})"


def _requests(user):
    return requests_for(user).select_related(
        "assigned_opd", "addressed_opd", "exemption_entry"
    )


class RequestDetailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "ppid/admin/detail.html"
    header_icon = "info-circle"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.info_request = get_object_or_404(_requests(request.user), pk=kwargs["pk"])

    def get_page_title(self):
        return _("Permohonan %(number)s") % {
            "number": self.info_request.register_number
        }

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("ppid_admin:index"), "label": APP},
            {"url": "", "label": self.info_request.register_number},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        info, user = self.info_request, self.request.user
        entries = list(info.timeline.select_related("actor"))
        for entry in entries:
            entry.actor_display = actor_name(entry)
            entry.text = entry_text(entry)  # system entries in the admin's language
        found = objections(info)
        for objection in found:
            objection.ground_texts = [
                f"{letter}. {OBJECTION_GROUNDS.get(letter, letter)}"
                for letter in objection.grounds
            ]
            objection.badge = (
                deadline_badge(objection.due_on)
                if objection.answered_at is None
                else None
            )
        identity = identity_visible(user, info)
        context.update(
            info_request=info,
            opd=info.assigned_opd or info.addressed_opd,
            badge=deadline_badge(deadline(info), clock.today()),
            identity_visible=identity,
            identity_documents=(
                IdentityDocument.objects.filter(request=info) if identity else []
            ),
            documents=RequestDocument.objects.filter(request=info).select_related(
                "uploaded_by", "dip_entry"
            ),
            # Only what was granted may become public information.
            may_promote=handles(user, info) and info.decision in GRANTED,
            objections=found,
            entries=entries,
            actions=[
                {
                    "action": action,
                    "form": build_form(action, user, info),
                    "url": reverse("ppid_admin:action", args=[info.pk, action.slug]),
                }
                for action in available_actions(user, info)
            ],
        )
        return context


def _stream(stored, name, content_type):
    """A private file to someone who may see it. Never a redirect to a storage
    URL: the file has no public address."""
    response = FileResponse(
        stored.open("rb"), as_attachment=True, filename=name, content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def document_download(request, pk, document_pk):
    info = get_object_or_404(requests_for(request.user), pk=pk)
    document = get_object_or_404(RequestDocument, pk=document_pk, request=info)
    return _stream(document.file, document.name, document.content_type)


def identity_download(request, pk, document_pk):
    """A badan hukum's legal document: for those who may see the identity."""
    info = get_object_or_404(requests_for(request.user), pk=pk)
    if not identity_visible(request.user, info):
        raise PermissionDenied
    document = get_object_or_404(IdentityDocument, pk=document_pk, request=info)
    return _stream(document.file, document.name, document.content_type)


@require_POST
def document_promote(request, pk, document_pk):
    """Make a draft DIP entry of the OPD from an answer document, then open it in
    the page editor to be completed and published through its workflow."""
    info = get_object_or_404(requests_for(request.user), pk=pk)
    if not handles(request.user, info):
        raise PermissionDenied
    document = get_object_or_404(RequestDocument, pk=document_pk, request=info)
    try:
        entry = services.document_promote(document=document, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("ppid_admin:detail", info.pk)
    messages.success(
        request,
        _("Draf entri DIP dibuat dari dokumen; lengkapi lalu ajukan untuk terbit."),
    )
    return redirect("wagtailadmin_pages:edit", entry.pk)
