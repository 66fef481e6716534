"""The categories of public information (UU 14/2008 art. 9-11 and 17).

A module of its own, importing no model, so that both the DIP pages and the
visibility rule (``cms.core.visibility``, which withholds what is *dikecualikan*)
can read it without importing each other.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kategori(models.TextChoices):
    BERKALA = "berkala", _("Berkala")
    SERTA_MERTA = "serta_merta", _("Serta merta")
    SETIAP_SAAT = "setiap_saat", _("Tersedia setiap saat")
    DIKECUALIKAN = "dikecualikan", _("Dikecualikan")


# Section headings per category, whole phrases so each language can order its words.
KATEGORI_HEADINGS = {
    Kategori.BERKALA: _("Informasi berkala"),
    Kategori.SERTA_MERTA: _("Informasi serta merta"),
    Kategori.SETIAP_SAAT: _("Informasi tersedia setiap saat"),
    Kategori.DIKECUALIKAN: _("Informasi dikecualikan"),
}
