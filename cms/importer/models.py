from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """Maps an external item's stable id to its page, so re-imports update in place."""

    source_url = models.CharField(_("URL sumber"), max_length=1000, unique=True)
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="import_record"
    )
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the source record")
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("butir impor")
        verbose_name_plural = _("butir impor")

    def __str__(self):
        return self.source_url
