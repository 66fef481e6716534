"""The actions on a report: which ones a user sees, and the view that runs one.

An action is shown when the transition table allows it in the report's status
(``transitions.allowed_actions``) and the user's role may take it. Each one is a
small form POSTed to ``ReportActionView``, which calls the service; a refused
transition or input comes back as an admin error message, never a server error.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.complaints import services
from cms.complaints.models import Status
from cms.complaints.selectors import reports_for
from cms.complaints.transitions import allowed_actions

from . import forms
from .roles import is_verifier, liaison_opds

VERIFIER, HANDLER = "verifier", "handler"


@dataclass(frozen=True)
class ReportAction:
    slug: str  # in the URL
    transition: str  # key of transitions.TRANSITIONS
    label: str
    form_class: type
    role: str
    run: object  # (report, user, cleaned_data) -> result
    success: object  # a message, or result -> message
    destructive: bool = False
    applies: object = None  # report -> bool, beyond the transition table


ACTIONS = {
    action.slug: action
    for action in (
        ReportAction(
            "minta-info",
            "request_info",
            _("Minta informasi"),
            forms.RequestInfoForm,
            VERIFIER,
            lambda r, u, d: services.request_info(r, u, d["message"]),
            _("Permintaan informasi dikirim kepada pelapor."),
        ),
        ReportAction(
            "disposisi",
            "dispose",
            _("Disposisikan"),
            forms.DisposeForm,
            VERIFIER,
            lambda r, u, d: services.dispose(r, u, list(d["opds"]), d["note"]),
            _("Laporan didisposisikan."),
        ),
        ReportAction(
            "bukan-kewenangan",
            "mark_not_authority",
            pgettext_lazy("tombol", "Bukan kewenangan"),
            forms.NotAuthorityForm,
            VERIFIER,
            lambda r, u, d: services.mark_not_authority(r, u, d["referral"]),
            _("Laporan ditandai bukan kewenangan."),
            destructive=True,
        ),
        ReportAction(
            "gabungkan",
            "merge",
            _("Gabungkan"),
            forms.MergeForm,
            VERIFIER,
            lambda r, u, d: services.merge(r, d["target"], u),
            _("Laporan digabungkan."),
            destructive=True,
        ),
        ReportAction(
            "spam",
            "mark_spam",
            _("Tandai spam"),
            forms.SpamForm,
            VERIFIER,
            lambda r, u, d: services.mark_spam(r, u, d["reason"]),
            _("Laporan ditandai spam (tetap disimpan)."),
            destructive=True,
        ),
        ReportAction(
            "arsipkan",
            "archive",
            _("Arsipkan"),
            forms.ArchiveForm,
            VERIFIER,
            lambda r, u, d: services.archive(r, u),
            _("Laporan diarsipkan."),
        ),
        ReportAction(
            "tanggapi",
            "respond",
            _("Tanggapi"),
            forms.RespondForm,
            HANDLER,
            lambda r, u, d: services.respond(
                r, u, d["opd"], d["message"], d["public"], d["attachments"]
            ),
            _("Tanggapan disimpan."),
        ),
        ReportAction(
            "selesai",
            "resolve",
            _("Selesaikan"),
            forms.ResolveForm,
            HANDLER,
            lambda r, u, d: services.resolve(r, u, d["message"]),
            _("Laporan dinyatakan selesai."),
        ),
    )
}


def report_actions() -> dict[str, ReportAction]:
    """The built-in actions plus those other apps add through the
    ``register_report_action`` hook (each returns ReportActions), so that e.g. the
    PPID's hand-over is offered here without cms.complaints importing cms.ppid."""
    extra = [a for fn in hooks.get_hooks("register_report_action") for a in fn()]
    return {**ACTIONS, **{action.slug: action for action in extra}}


def action_label(action: ReportAction, report) -> str:
    redispose = report.status in (Status.DISPOSISI, Status.TINDAK_LANJUT)
    if action.transition == "dispose" and redispose:
        return _("Disposisikan ulang")
    return action.label


class Actor:
    """The user's roles towards one report, worked out once per request."""

    def __init__(self, user, report):
        self.user, self.report = user, report
        self.verifier = is_verifier(user)
        self.opds = None if user.is_superuser else liaison_opds(user)

    @cached_property
    def handles(self) -> bool:
        """Answers for an OPD the report is actively disposed to (superusers may
        stand in for any OPD; the verification team does not answer for OPDs)."""
        if self.user.is_superuser:
            return True
        active = self.report.dispositions.filter(active=True, opd__in=self.opds)
        return active.exists()

    def may(self, action: ReportAction) -> bool:
        return self.verifier if action.role == VERIFIER else self.handles

    def form_opds(self):
        """The OPDs a response may be given for: None means any disposed OPD."""
        return self.opds


def available_actions(user, report) -> list[ReportAction]:
    actor = Actor(user, report)
    allowed = set(allowed_actions(report))
    return [
        a
        for a in report_actions().values()
        if a.transition in allowed
        and actor.may(a)
        and (a.applies is None or a.applies(report))
    ]


def build_form(action, actor, data=None, files=None):
    return action.form_class(
        data,
        files,
        report=actor.report,
        user=actor.user,
        opds=actor.form_opds(),
        prefix=action.slug,
    )


class ReportActionView(WagtailAdminTemplateMixin, TemplateView):
    """GET: the action's form on a page of its own (also where a refused form is
    shown again with its errors); POST: run it."""

    template_name = "complaints/admin/action.html"
    header_icon = "comment"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Another OPD's report (or a non-existent one) is a 404, whatever the action.
        self.report = get_object_or_404(
            reports_for(request.user).select_related("category"), pk=kwargs["pk"]
        )
        self.action = report_actions().get(kwargs["action"])
        if self.action is None:
            raise Http404
        if self.action.applies is not None and not self.action.applies(self.report):
            raise Http404

    def dispatch(self, request, *args, **kwargs):
        self.actor = Actor(request.user, self.report)
        if not self.actor.may(self.action):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def detail_url(self):
        return reverse("complaints_admin:detail", args=[self.report.pk])

    def get_page_title(self):
        return action_label(self.action, self.report)

    def get_page_subtitle(self):
        return self.report.tracking_code

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("complaints_admin:index"), "label": _("Aduan Masyarakat")},
            {"url": self.detail_url, "label": self.report.tracking_code},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", build_form(self.action, self.actor))
        context.update(
            report=self.report,
            action=self.action,
            action_url=self.request.path,
            detail_url=self.detail_url,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = build_form(self.action, self.actor, request.POST, request.FILES)
        if form.is_valid():
            try:
                result = self.action.run(self.report, request.user, form.cleaned_data)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                success = self.action.success
                messages.success(
                    request, success(result) if callable(success) else success
                )
                return redirect(self.after_url())
        else:
            messages.error(request, _("Periksa kembali isian formulir."))
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def after_url(self) -> str:
        """Back to the report, unless the user may no longer see it."""
        if reports_for(self.request.user).filter(pk=self.report.pk).exists():
            return self.detail_url
        return reverse("complaints_admin:index")
