from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DIPConfig(AppConfig):
    name = "cms.dip"
    label = "dip"
    verbose_name = _("Daftar Informasi Publik")
