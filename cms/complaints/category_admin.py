"""Settings > Kategori aduan: the verification team (model permissions granted in
``access.py``) and superusers keep the category list and default OPDs."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Category


class CategoryViewSet(ModelViewSet):
    model = Category
    menu_label = _("Kategori aduan")
    icon = "tag"
    add_to_settings_menu = True
    name = "complaint_categories"
    url_prefix = "complaints/categories"
    # A tick or cross for "active", never the raw word True/False.
    list_display = [
        "name",
        "default_opd",
        BooleanColumn("active", label=_("Aktif"), sort_key="active"),
        Column("sort_order", label=_("Urutan"), sort_key="sort_order"),
    ]
    list_filter = ["active"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("default_opd"),
        FieldPanel("active"),
        FieldPanel("sort_order"),
    ]
