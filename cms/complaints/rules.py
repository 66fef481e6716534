"""What a citizen's report must satisfy, whichever door it came in by (portal,
API, Open311, admin, factories, benchmarks): the one copy of these rules.

``intake.submit`` enforces them; the doors call ``report_errors`` too, only to
answer early (before a rate limit is spent) and under their own field names.
"""

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from cms.core import contact_rules

# EMAIL_MAX, NAME_MAX, PHONE_MAX are re-exported ("as"): the portal and the API
# size their form fields by them.
from cms.core.contact_rules import EMAIL_MAX as EMAIL_MAX
from cms.core.contact_rules import NAME_MAX as NAME_MAX
from cms.core.contact_rules import PHONE_MAX as PHONE_MAX
from cms.core.contact_rules import PHONE_MIN_DIGITS, text

from .models import DESCRIPTION_MAX, Category, Privacy
from .regions import REGION_NAMES

TITLE_MIN, TITLE_MAX = 5, 200
DESCRIPTION_MIN = 20
ADDRESS_MAX = 300
# Banten with a margin: Pulau Tunda (Kab. Serang, ~-5.81) in the north, the
# Lebak coast (~-7.0) in the south, Ujung Kulon/Panaitan (~105.1) in the west,
# Kota Tangerang Selatan (~106.8) in the east. A point outside is a client bug
# (swapped or unsigned coordinates), not a report.
LAT_MIN, LAT_MAX = Decimal("-7.2"), Decimal("-5.7")
LONG_MIN, LONG_MAX = Decimal("105.0"), Decimal("106.9")
IDENTITY_FIELDS = ("reporter_name", "reporter_email", "reporter_phone")
# Error codes a door may word its own way (``report_errors(data, wording=...)``):
# the portal speaks to the reporter ("Anda"), the API and Open311 stay neutral.
CONTACT_MISSING = "contact_missing"


def with_privacy(data: dict) -> dict:
    """The data with identity blanked for an anonymous report: never stored,
    whatever was sent along."""
    if data.get("privacy") != Privacy.ANONIM:
        return data
    return {**data, **dict.fromkeys(IDENTITY_FIELDS, "")}


def _getter(data):
    if isinstance(data, Mapping):
        return data.get

    def get(name):
        if name == "category":  # the descriptor raises while none is set
            return data.category if data.category_id else None
        return getattr(data, name, None)

    return get


def _decimal(value):
    """The value as a Decimal, None when blank, "" when not a number."""
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return ""
    return number if number.is_finite() else ""


def _length_errors(get, add) -> None:
    contact_rules.length_errors(
        get,
        add,
        (
            ("title", _("Judul"), TITLE_MIN, TITLE_MAX),
            ("description", _("Uraian"), DESCRIPTION_MIN, DESCRIPTION_MAX),
            ("address", _("Alamat"), 0, ADDRESS_MAX),
        ),
    )


def _location_errors(get, add) -> None:
    """Both coordinates or neither, inside Banten."""
    latitude, longitude = _decimal(get("latitude")), _decimal(get("longitude"))
    for name, value in (("latitude", latitude), ("longitude", longitude)):
        if value == "":
            add(name, _("Bukan angka desimal yang sah."))
    if "" in (latitude, longitude) or (latitude is None and longitude is None):
        return
    if latitude is None or longitude is None:
        missing = "latitude" if latitude is None else "longitude"
        add(
            missing,
            _("Lintang dan bujur harus diisi keduanya atau dikosongkan keduanya."),
        )
        return
    if not LAT_MIN <= latitude <= LAT_MAX:
        add(
            "latitude",
            _("Lintang harus di dalam wilayah Banten (%(min)s sampai %(max)s).")
            % {"min": LAT_MIN, "max": LAT_MAX},
        )
    if not LONG_MIN <= longitude <= LONG_MAX:
        add(
            "longitude",
            _("Bujur harus di dalam wilayah Banten (%(min)s sampai %(max)s).")
            % {"min": LONG_MIN, "max": LONG_MAX},
        )


def _identity_errors(get, add) -> None:
    """A named report (biasa, rahasia) needs a name and a way to reach the
    reporter, well formed; an anonymous one keeps none (see ``with_privacy``)."""
    if get("privacy") == Privacy.ANONIM:
        return
    name, email = text(get("reporter_name")), text(get("reporter_email"))
    phone = text(get("reporter_phone"))
    if not name:
        add("reporter_name", _("Nama pelapor wajib diisi (atau pilih anonim)."))
    contact_rules.name_errors(add, "reporter_name", name)
    if not email and not phone:
        add(
            "reporter_email",
            _("Isi surel atau nomor telepon pelapor (atau pilih anonim)."),
            code=CONTACT_MISSING,
        )
    contact_rules.email_errors(add, "reporter_email", email)
    if phone and not contact_rules.phone_is_valid(phone):
        add(
            "reporter_phone",
            _(
                "Tulis nomor telepon dengan angka (paling sedikit %(min)d), "
                "misalnya 0812 3456 7890."
            )
            % {"min": PHONE_MIN_DIGITS},
        )


def _place_and_category_errors(get, add) -> None:
    if get("region") not in REGION_NAMES:
        add(
            "region",
            _("Pilih salah satu kode kabupaten/kota di Banten: %(codes)s.")
            % {"codes": ", ".join(REGION_NAMES)},
        )
    category = get("category")
    if category is not None and not isinstance(category, Category):
        category = Category.objects.filter(pk=category).first()
    if category is None:
        add("category", _("Pilih kategori laporan."))
    elif not category.active:
        add("category", _("Kategori ini tidak lagi dipakai."))


def report_errors(data, wording: Mapping | None = None) -> dict[str, list[str]]:
    """Every broken rule of a report (a dict of Report fields, or a Report), by
    Report field name; empty when it may be stored. ``wording`` replaces the
    message of the rules it names by code (see ``CONTACT_MISSING``)."""
    errors: dict[str, list[str]] = {}
    wording = wording or {}

    def add(name: str, message: str, code: str = "") -> None:
        errors.setdefault(name, []).append(wording.get(code, message))

    get = _getter(data)
    _length_errors(get, add)
    _location_errors(get, add)
    _identity_errors(get, add)
    _place_and_category_errors(get, add)
    return errors
