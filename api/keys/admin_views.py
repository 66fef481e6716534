"""Wagtail admin for API keys (Settings > Kunci API): list, create (the full key is
shown once, on the page that answers the form), edit, revoke. Registered in
``wagtail_hooks.py``; permissions in ``permissions.py``."""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, UserColumn
from wagtail.admin.views.generic import CreateView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from api.keys.forms import APIKeyForm
from api.keys.models import APIKey, APIKeyScope
from api.keys.services import api_key_issue, api_key_revoke

REVOKE_ACTION = "api_keys.revoke"


def _scope_labels(key: APIKey) -> str:
    labels = dict(APIKeyScope.choices)
    return ", ".join(str(labels.get(scope, scope)) for scope in key.scopes)


def _origins(key: APIKey) -> str:
    return ", ".join(key.allowed_origins)


def _status(key: APIKey) -> str:
    return _("Aktif") if key.is_active else _("Dicabut")


class APIKeyIndexView(IndexView):
    revoke_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.is_active and self.user_has_permission("revoke"):
            buttons.append(
                MenuItem(
                    _("Cabut"),
                    url=reverse(self.revoke_url_name, args=[instance.pk]),
                    icon_name="cross",
                    priority=30,
                )
            )
        return buttons


class APIKeyCreateView(CreateView):
    """Saves through the service, then shows the full key instead of redirecting:
    the key exists only in this one response (never stored, never cached)."""

    def save_instance(self):
        key = self.form.instance
        self.secret = api_key_issue(key=key, created_by=self.request.user)
        log(instance=key, action="wagtail.create", user=self.request.user)
        return key

    def save_action(self):
        response = TemplateResponse(
            self.request,
            "api_keys/created.html",
            {
                "key": self.object,
                "secret": self.secret,
                "index_url": reverse(self.index_url_name),
                "page_title": _("Kunci API dibuat"),
                "header_icon": "key",
            },
        )
        add_never_cache_headers(response)
        return response


class APIKeyRevokeView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    model = APIKey
    permission_required = "revoke"
    template_name = "api_keys/revoke.html"
    header_icon = "key"
    page_title = _("Cabut kunci API")
    index_url_name = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(APIKey, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(key=self.object, index_url=reverse(self.index_url_name))
        return context

    def post(self, request, *args, **kwargs):
        if self.object.is_active:
            api_key_revoke(key=self.object, revoked_by=request.user)
            log(instance=self.object, action=REVOKE_ACTION, user=request.user)
            messages.success(
                request, _("Kunci API '%(key)s' dicabut.") % {"key": self.object}
            )
        return redirect(self.index_url_name)


class APIKeyViewSet(ModelViewSet):
    model = APIKey
    name = "api_keys"
    url_prefix = "kunci-api"
    icon = "key"
    menu_label = _("Kunci API")
    add_to_settings_menu = True
    menu_order = 850
    copy_view_enabled = False  # a copy would duplicate the secret's hash
    index_view_class = APIKeyIndexView
    add_view_class = APIKeyCreateView
    list_display = [
        "name",
        Column("prefix", label=_("Awalan")),
        Column("opd", label=_("OPD")),
        Column("scopes", label=_("Cakupan"), accessor=_scope_labels),
        Column("allowed_origins", label=_("Origin"), accessor=_origins),
        Column("rate_per_minute", label=_("Batas/menit")),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor=_status,
            primary=lambda key: key.is_active,
        ),
        UserColumn("created_by", label=_("Dibuat oleh")),
        DateColumn("created_at", label=_("Dibuat pada")),
        DateColumn("last_used_at", label=_("Terakhir dipakai")),
        DateColumn("revoked_at", label=_("Dicabut pada")),
    ]
    list_filter = ["opd"]
    search_fields = ["name", "prefix"]
    search_backend_name = None  # plain database lookups on a small table
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("opd"),
            FieldPanel("scopes"),
            FieldPanel("allowed_origins"),
            FieldPanel("rate_per_minute"),
        ],
        base_form_class=APIKeyForm,
    )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            revoke_url_name=self.get_url_name("revoke"), **kwargs
        )

    @property
    def revoke_view(self):
        return self.construct_view(
            APIKeyRevokeView, index_url_name=self.get_url_name("index")
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("revoke/<int:pk>/", self.revoke_view, name="revoke"),
        ]
