"""*Percobaan masuk* in the Wagtail admin (superusers only): who is failing to sign
in from where; deleting a row unlocks that account and address at once."""

from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

ACTIONS = ("view", "delete")


class SuperuserReadAndDeletePolicy(ModelPermissionPolicy):
    """Attempts are written by axes only: superusers may look and unlock."""

    def user_has_permission(self, user, action):
        return action in ACTIONS and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        if not set(actions) & set(ACTIONS):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


class AccessAttemptViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "warning"
    menu_label = _("Percobaan masuk")
    add_to_settings_menu = True
    inspect_view_enabled = True
    list_display = [
        "username",
        "ip_address",
        "failures_since_start",
        "attempt_time",
    ]
    list_filter = ["ip_address"]
    search_fields = ["username", "ip_address"]
    form_fields = []  # never created or edited here
    inspect_view_fields = [
        "username",
        "ip_address",
        "user_agent",
        "path_info",
        "failures_since_start",
        "attempt_time",
    ]
