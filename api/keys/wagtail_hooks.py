"""API keys in the Wagtail admin: Settings > Kunci API."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from api.keys.admin_views import REVOKE_ACTION, APIKeyViewSet
from api.keys.models import APIKey
from api.keys.permissions import APIKeyPermissionPolicy

# Before the viewset registers: it would otherwise create Django's model policy.
register_permission_policy(APIKey, APIKeyPermissionPolicy(APIKey))


@hooks.register("register_admin_viewset")
def register_api_keys_admin():
    return APIKeyViewSet()


@hooks.register("register_log_actions")
def register_api_key_log_actions(actions):
    actions.register_action(REVOKE_ACTION, _("Cabut kunci API"), _("Kunci API dicabut"))
