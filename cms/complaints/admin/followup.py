"""Publishing a resolved report's anonymised follow-up ("tindak lanjut") from its
admin page: the form prefilled from ``publication.followup_draft``, and the
withdrawal. The verification team only; everyone else gets Wagtail's refusal."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.complaints import publication
from cms.complaints.selectors import reports_for

from .forms import FollowUpForm
from .roles import is_verifier


def followup_state(user, report) -> dict | None:
    """What the report page shows about the follow-up (None: nothing, for a
    liaison, or a report that is not resolved and never was published)."""
    if not is_verifier(user):
        return None
    page = publication.followup_of(report)
    publishable = report.status in publication.PUBLISHABLE_STATUSES
    if page is None and not publishable:
        return None
    return {
        "page": page,
        "live": bool(page and page.live),
        "url": page.get_url() if page and page.live else None,
        "publishable": publishable,
        "publish_url": reverse("complaints_admin:followup", args=[report.pk]),
        "withdraw_url": reverse("complaints_admin:followup_withdraw", args=[report.pk]),
    }


class _FollowUpView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "comment"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.report = get_object_or_404(
            reports_for(request.user).select_related("category"), pk=kwargs["pk"]
        )

    def dispatch(self, request, *args, **kwargs):
        if not is_verifier(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def detail_url(self):
        return reverse("complaints_admin:detail", args=[self.report.pk])


class FollowUpPublishView(_FollowUpView):
    template_name = "complaints/admin/action.html"
    page_title = _("Terbitkan tindak lanjut")

    def get_page_subtitle(self):
        return self.report.tracking_code

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("complaints_admin:index"), "label": _("Aduan Masyarakat")},
            {"url": self.detail_url, "label": self.report.tracking_code},
            {"url": "", "label": self.page_title},
        ]

    def initial(self) -> dict:
        page = publication.followup_of(self.report)
        if page is not None:  # what was approved last time
            return {"title": page.title, "summary": page.summary, "text": page.text}
        return publication.followup_draft(self.report)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", FollowUpForm(initial=self.initial()))
        context.update(
            report=self.report,
            action_url=self.request.path,
            detail_url=self.detail_url,
        )
        return context

    def post(self, request, *args, **kwargs):
        form = FollowUpForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                publication.followup_publish(
                    report=self.report,
                    title=data["title"],
                    summary=data["summary"],
                    text=data["text"],
                    user=request.user,
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Tindak lanjut diterbitkan."))
                return redirect(self.detail_url)
        else:
            messages.error(request, _("Periksa kembali isian formulir."))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class FollowUpWithdrawView(_FollowUpView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            publication.followup_withdraw(report=self.report, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Tindak lanjut ditarik dari publikasi."))
        return redirect(self.detail_url)
