from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Admin sign-in hardening: login lockout (django-axes) and two-factor sign-in
    (django-otp) for the people whose accounts can publish."""

    name = "cms.accounts"
    label = "accounts"
    verbose_name = _("Akun dan keamanan masuk")

    def ready(self):
        from axes.models import AccessAttempt
        from wagtail.permissions import register_permission_policy

        from .lockouts_admin import SuperuserReadAndDeletePolicy

        register_permission_policy(
            AccessAttempt, SuperuserReadAndDeletePolicy(AccessAttempt)
        )
