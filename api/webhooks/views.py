"""Wagtail admin views: endpoints (list, add, edit, rotate secret, delete) and the
delivery log with "Kirim ulang". Every query goes through ``endpoints_for_user`` /
``deliveries_for_user``, so an OPD editor never reaches another OPD's rows (404)."""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import selectors, services
from .forms import DeliveryFilterForm, EndpointForm

INDEX_URL = reverse_lazy("api_webhooks:index")
LOG_URL = reverse_lazy("api_webhooks:deliveries")


class WebhookAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "link"

    def dispatch(self, request, *args, **kwargs):
        if not selectors.can_manage_webhooks(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": INDEX_URL, "label": _("Webhook")},
            {"url": "", "label": self.get_page_title()},
        ]

    def endpoint(self):
        return get_object_or_404(
            selectors.endpoints_for_user(self.request.user), pk=self.kwargs["pk"]
        )

    def delivery(self):
        return get_object_or_404(
            selectors.deliveries_for_user(self.request.user), pk=self.kwargs["pk"]
        )


class EndpointListView(WebhookAdminMixin, TemplateView):
    template_name = "api_webhooks/admin/endpoint_list.html"
    page_title = _("Endpoint webhook")

    def get_breadcrumbs_items(self):
        return WagtailAdminTemplateMixin.breadcrumbs_items + [
            {"url": "", "label": _("Webhook")}
        ]

    def get_context_data(self, **kwargs):
        endpoints = selectors.endpoints_for_user(self.request.user)
        return {**super().get_context_data(**kwargs), "endpoints": endpoints}


class EndpointFormView(WebhookAdminMixin, FormView):
    form_class = EndpointForm
    template_name = "api_webhooks/admin/endpoint_form.html"
    instance = None

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "user": self.request.user,
            "instance": self.instance,
        }

    def form_valid(self, form):
        endpoint = form.save()
        messages.success(self.request, _("Endpoint webhook disimpan."))
        return redirect("api_webhooks:edit", pk=endpoint.pk)


class EndpointCreateView(EndpointFormView):
    page_title = _("Tambah endpoint webhook")


class EndpointEditView(EndpointFormView):
    page_title = _("Ubah endpoint webhook")

    @cached_property
    def instance(self):
        return self.endpoint()  # after dispatch's permission check

    def get_page_subtitle(self):
        return self.instance.name

    def get_context_data(self, **kwargs):
        recent = self.instance.deliveries.all()[:10]
        return {
            **super().get_context_data(**kwargs),
            "endpoint": self.instance,
            "recent": recent,
        }


class EndpointRotateSecretView(WebhookAdminMixin, View):
    def post(self, request, pk):
        services.endpoint_rotate_secret(endpoint=self.endpoint())
        messages.success(
            request,
            _("Rahasia baru dibuat. Perbarui rahasia di situs OPD Anda sekarang."),
        )
        return redirect("api_webhooks:edit", pk=pk)


class EndpointDeleteView(WebhookAdminMixin, TemplateView):
    template_name = "api_webhooks/admin/endpoint_delete.html"
    page_title = _("Hapus endpoint webhook")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "endpoint": self.endpoint()}

    def post(self, request, pk):
        self.endpoint().delete()
        messages.success(request, _("Endpoint webhook dihapus."))
        return redirect(INDEX_URL)


class DeliveryListView(WebhookAdminMixin, TemplateView):
    template_name = "api_webhooks/admin/delivery_list.html"
    page_title = _("Log kiriman webhook")
    per_page = 50

    def get_context_data(self, **kwargs):
        user = self.request.user
        form = DeliveryFilterForm(
            self.request.GET or None, endpoints=selectors.endpoints_for_user(user)
        )
        filters = form.cleaned_data if form.is_valid() else {}
        endpoint = filters.get("endpoint")
        deliveries = selectors.deliveries_for_user(
            user,
            endpoint_id=endpoint.pk if endpoint else None,
            status=filters.get("status") or None,
        )
        page = Paginator(deliveries, self.per_page).get_page(self.request.GET.get("p"))
        query = self.request.GET.copy()
        query.pop("p", None)
        return {
            **super().get_context_data(**kwargs),
            "filter_form": form,
            "page_obj": page,
            "query": query.urlencode(),
        }


class DeliveryDetailView(WebhookAdminMixin, TemplateView):
    template_name = "api_webhooks/admin/delivery_detail.html"
    page_title = _("Kiriman webhook")

    def get_context_data(self, **kwargs):
        delivery = self.delivery()
        return {
            **super().get_context_data(**kwargs),
            "delivery": delivery,
            "payload_json": json.dumps(delivery.payload, ensure_ascii=False, indent=2),
        }


class DeliveryRedeliverView(WebhookAdminMixin, View):
    def post(self, request, pk):
        copy = services.delivery_redeliver(delivery=self.delivery())
        messages.success(request, _("Kiriman dijadwalkan ulang."))
        return redirect(reverse("api_webhooks:delivery", args=[copy.pk]))
