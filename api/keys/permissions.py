"""Who manages API keys: superusers, and users granted ``api_keys.manage_apikey``
(assignable to a group in Settings > Groups). Keys are revoked, never deleted."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BaseDjangoAuthPermissionPolicy

MANAGE_PERMISSION = "api_keys.manage_apikey"
MANAGE_ACTIONS = frozenset({"add", "change", "view", "revoke"})


def can_manage_api_keys(user) -> bool:
    return bool(user and user.is_active and user.has_perm(MANAGE_PERMISSION))


class APIKeyPermissionPolicy(BaseDjangoAuthPermissionPolicy):
    def user_has_permission(self, user, action) -> bool:
        return action in MANAGE_ACTIONS and can_manage_api_keys(user)

    def users_with_any_permission(self, actions):
        if not MANAGE_ACTIONS.intersection(actions):
            return get_user_model().objects.none()
        return self._get_users_with_any_permission_codenames(["manage_apikey"])
