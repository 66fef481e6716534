"""*Hari libur* in the Wagtail admin (Settings): national holidays and cuti bersama
that working-day deadlines skip. Superusers and the province groups (granted by
the data migration and ``load_holidays``) edit it; saving takes effect at once
(``Holiday.save`` forgets the memo of ``cms.core.workdays``)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from cms.core.models import Holiday


class HolidayViewSet(ModelViewSet):
    model = Holiday
    icon = "date"
    menu_label = _("Hari libur")
    add_to_settings_menu = True
    list_display = ["date", "name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    form_fields = ["date", "name", "kind"]
    ordering = ["-date"]
    list_per_page = 50
