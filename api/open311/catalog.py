"""Services of GeoReport v2: one per active complaint category (``service_code`` is
the category's slug). Every service has metadata: the attributes a report needs
beyond the specification's own fields, first of all the kabupaten/kota (a report
belongs to one; a point alone does not say which)."""

from django.utils.translation import gettext as _

from cms.complaints.models import Category, Kind, Privacy
from cms.complaints.regions import REGIONS


def active_categories():
    return Category.objects.filter(active=True).select_related("default_opd")


def service(category) -> dict:
    return {
        "service_code": category.slug,
        "service_name": category.name,
        "description": category.description,
        "metadata": True,
        "type": "realtime",
        "keywords": "",
        "group": category.default_opd.title if category.default_opd_id else "",
    }


def services() -> list[dict]:
    return [service(c) for c in active_categories().order_by("sort_order", "name")]


def _values(choices) -> list[dict]:
    return [{"key": str(key), "name": str(name)} for key, name in choices]


def _attribute(code, order, description, *, required, choices=None) -> dict:
    return {
        "variable": True,
        "code": code,
        "datatype": "singlevaluelist" if choices else "string",
        "required": required,
        "datatype_description": "",
        "order": order,
        "description": str(description),
        **({"values": _values(choices)} if choices else {}),
    }


def definition(category) -> dict:
    return {
        "service_code": category.slug,
        "attributes": [
            _attribute(
                "region",
                1,
                _("Kabupaten/kota lokasi laporan."),
                required=True,
                choices=REGIONS,
            ),  # fmt: skip
            _attribute(
                "kind",
                2,
                _("Jenis laporan (bawaan: pengaduan)."),
                required=False,
                choices=Kind.choices,
            ),  # fmt: skip
            _attribute(
                "privacy",
                3,
                _(
                    "Kerahasiaan identitas (bawaan: rahasia bila identitas diisi, "
                    "anonim bila tidak)."
                ),
                required=False,
                choices=Privacy.choices,
            ),  # fmt: skip
            _attribute(
                "title", 4, _("Judul singkat (bawaan: awal uraian)."), required=False
            ),
        ],
    }
