"""The actions on a request: which ones a user sees, and the view that runs one.

Each action is a small form POSTed to ``RequestActionView``, which calls the
service. A refusal by the service (``ValidationError`` by field) is shown by the
field it concerns, with the form kept as typed: never a server error.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.ppid import clock, services
from cms.ppid.selectors import requests_for

from . import forms
from .filters import UNDECIDED
from .queues import APP
from .roles import handles, is_atasan, is_utama


def open_objection(info_request):
    return next((o for o in objections(info_request) if o.answered_at is None), None)


def last_objection(info_request):
    found = objections(info_request)
    return found[-1] if found else None


def objections(info_request) -> list:
    """The request's objections, read once per request object."""
    if not hasattr(info_request, "_objections"):
        info_request._objections = list(
            info_request.objections.select_related("dispute", "answered_by")
        )
    return info_request._objections


def _disputable(r) -> bool:
    """After the superior's answer, or once its deadline has passed."""
    last = last_objection(r)
    return last is not None and (
        last.answered_at is not None or clock.today() > last.due_on
    )


@dataclass(frozen=True)
class RequestAction:
    slug: str  # in the URL
    label: str
    form_class: type
    may: object  # (user, request) -> bool: role and state
    run: object  # (request, user, cleaned_data) -> None
    success: str


def _undecided(r) -> bool:
    return r.status in UNDECIDED


def _extendable(r) -> bool:
    """Once, and before the deadline has passed (the service says so too)."""
    return _undecided(r) and r.extended_at is None and clock.today() <= r.due_on


ACTIONS = {
    action.slug: action
    for action in (
        RequestAction(
            "teruskan",
            _("Teruskan ke OPD"),
            forms.AssignForm,
            lambda u, r: is_utama(u) and _undecided(r),
            lambda r, u, d: services.request_assign(
                request=r, opd=d["opd"], user=u, note=d["note"]
            ),
            _("Permohonan diteruskan ke OPD."),
        ),
        RequestAction(
            "perpanjang",
            _("Perpanjang waktu"),
            forms.ExtendForm,
            lambda u, r: handles(u, r) and _extendable(r),
            lambda r, u, d: services.request_extend(
                request=r, reason=d["reason"], user=u
            ),
            _("Batas waktu diperpanjang; pemohon diberi tahu."),
        ),
        RequestAction(
            "putuskan",
            _("Putuskan"),
            forms.DecideForm,
            lambda u, r: handles(u, r) and _undecided(r),
            lambda r, u, d: services.request_decide(request=r, user=u, **d),
            _("Keputusan disimpan dan dikirim kepada pemohon."),
        ),
        RequestAction(
            "dokumen",
            _("Tambah dokumen"),
            forms.DocumentForm,
            handles,
            lambda r, u, d: services.document_add(request=r, upload=d["file"], user=u),
            _("Dokumen ditambahkan."),
        ),
        RequestAction(
            "jawab-keberatan",
            _("Jawab keberatan"),
            forms.ObjectionAnswerForm,
            lambda u, r: is_atasan(u) and open_objection(r) is not None,
            lambda r, u, d: services.objection_answer(
                objection=open_objection(r),
                outcome=d["outcome"],
                text=d["text"],
                user=u,
            ),
            _("Tanggapan atas keberatan disimpan dan dikirim kepada pemohon."),
        ),
        RequestAction(
            "sengketa",
            _("Catat sengketa"),
            forms.DisputeForm,
            lambda u, r: (
                (is_atasan(u) or is_utama(u)) and last_objection(r) is not None
            ),
            lambda r, u, d: services.dispute_record(
                objection=last_objection(r), user=u, **d
            ),
            _("Sengketa informasi dicatat."),
        ),
    )
}

# A service may name a model field where the form has its own name.
FIELD_ALIASES = {
    "decision_text": "text",
    "answer_text": "text",
    "extension_reason": "reason",
    "assigned_opd": "opd",
    "upload": "file",
    "grounds": None,
}


def available_actions(user, info_request) -> list[RequestAction]:
    return [a for a in ACTIONS.values() if a.may(user, info_request)]


def build_form(action, user, info_request, data=None, files=None):
    extra = {}
    if action.form_class is forms.DisputeForm:
        extra["objection"] = last_objection(info_request)
    return action.form_class(
        data, files, info_request=info_request, user=user, prefix=action.slug, **extra
    )


def put_back(form, error: ValidationError) -> None:
    """The service's refusal onto the form: by field where the form has it."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        field = FIELD_ALIASES.get(name, name)
        form.add_error(field if field in form.fields else None, errors)


class RequestActionView(WagtailAdminTemplateMixin, TemplateView):
    """GET: the action's form on a page of its own (also where a refused form is
    shown again with its errors); POST: run it."""

    template_name = "ppid/admin/action.html"
    header_icon = "info-circle"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Another OPD's request (or a non-existent one) is a 404, whatever the action.
        self.info_request = get_object_or_404(
            requests_for(request.user).select_related("assigned_opd", "addressed_opd"),
            pk=kwargs["pk"],
        )
        self.action = ACTIONS.get(kwargs["action"])
        if self.action is None:
            raise Http404

    def dispatch(self, request, *args, **kwargs):
        if not self.action.may(request.user, self.info_request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def detail_url(self):
        return reverse("ppid_admin:detail", args=[self.info_request.pk])

    def get_page_title(self):
        return self.action.label

    def get_page_subtitle(self):
        return self.info_request.register_number

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("ppid_admin:index"), "label": APP},
            {"url": self.detail_url, "label": self.info_request.register_number},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault(
            "form", build_form(self.action, self.request.user, self.info_request)
        )
        context.update(
            info_request=self.info_request,
            action=self.action,
            action_url=self.request.path,
            detail_url=self.detail_url,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = build_form(
            self.action, request.user, self.info_request, request.POST, request.FILES
        )
        if form.is_valid():
            try:
                self.action.run(self.info_request, request.user, form.cleaned_data)
            except ValidationError as error:
                put_back(form, error)
            else:
                messages.success(request, self.action.success)
                return redirect(self.after_url())
        messages.error(request, _("Periksa kembali isian formulir."))
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def after_url(self) -> str:
        """Back to the request, unless the user may no longer see it."""
        if requests_for(self.request.user).filter(pk=self.info_request.pk).exists():
            return self.detail_url
        return reverse("ppid_admin:index")
