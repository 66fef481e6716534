from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeriesConfig(AppConfig):
    name = "cms.series"
    label = "series"
    verbose_name = _("Seri konten")
