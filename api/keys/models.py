"""API keys of OPD websites.

Only a SHA-256 hash of a key is stored: the full key is shown once, when it is
created (``services.api_key_create``), and can't be recovered afterwards. Keys are
long random strings, so a fast hash is as safe as a slow password hash here and costs
nothing per request. The short ``prefix`` is stored in clear to tell keys apart.

A key belongs to one OPD (``opd``) or, without one, to the whole province. Revoked
keys are kept (not deleted) so the admin keeps a record of who had access.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from api.keys.origins import normalise_origin


class APIKeyScope(models.TextChoices):
    READ = "read", _("Baca konten publik")
    PREVIEW = "preview", _("Pratinjau draf (situs OPD)")


def default_scopes() -> list[str]:
    return [APIKeyScope.READ.value]


class APIKey(models.Model):
    name = models.CharField(
        _("nama"), max_length=100, help_text=_("Mis. 'Situs web Dinas Kesehatan'.")
    )
    prefix = models.CharField(_("awalan"), max_length=16, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    opd = models.ForeignKey(
        "opd.OPDPage",
        verbose_name=_("OPD"),
        null=True,
        blank=True,
        # A deleted OPD's keys must stop working, never become province-wide.
        on_delete=models.CASCADE,
        related_name="api_keys",
        help_text=_("Kosongkan untuk kunci tingkat provinsi."),
    )
    scopes = models.JSONField(_("cakupan"), default=default_scopes)
    allowed_origins = models.JSONField(
        _("origin yang diizinkan (CORS)"), default=list, blank=True
    )
    rate_per_minute = models.PositiveIntegerField(
        _("batas permintaan per menit"),
        null=True,
        blank=True,
        help_text=_("Kosongkan untuk memakai batas bawaan kunci API."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    last_used_at = models.DateTimeField(
        _("terakhir dipakai"), null=True, blank=True, editable=False
    )
    revoked_at = models.DateTimeField(
        _("dicabut pada"), null=True, blank=True, editable=False
    )
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicabut oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("kunci API")
        verbose_name_plural = _("kunci API")
        ordering = ["-created_at"]
        # Keys are created and revoked, never deleted or edited through Django's
        # default permissions: one dedicated permission gates the whole admin.
        default_permissions = ()
        permissions = [("manage_apikey", _("Dapat mengelola kunci API"))]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def allows(self, scope: str) -> bool:
        """Active and granted ``scope`` ("read", "preview")."""
        return self.is_active and scope in self.scopes

    def allows_origin(self, origin: str) -> bool:
        """May a browser page on ``origin`` use this key?"""
        return normalise_origin(origin) in self.allowed_origins
