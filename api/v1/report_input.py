"""Input rules shared by the mobile API (api/v1) and Open311 (api/open311): where a
report may be, whose identity may be kept, and the data dict ``services.submit``
takes. The portal applies the same rules through its own form."""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

# Banten's bounding box, with a margin (the coast and the Thousand Islands' edge):
# a point outside is a client bug (swapped or unsigned coordinates), not a report.
LAT_MIN, LAT_MAX = Decimal("-7.1"), Decimal("-5.8")
LONG_MIN, LONG_MAX = Decimal("105.0"), Decimal("106.8")
COORDINATE_PLACES = Decimal("0.000001")

IDENTITY_FIELDS = ("reporter_name", "reporter_email", "reporter_phone")


def parse_coordinate(value) -> Decimal | None:
    """A finite decimal rounded to the model's 6 places, or None."""
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite() or abs(number) > 1000:
        return None
    return number.quantize(COORDINATE_PLACES)


def location_errors(latitude, longitude, *, lat_name="latitude", long_name="longitude"):
    """Field errors of a coordinate pair: both or neither, inside Banten."""
    if latitude is None and longitude is None:
        return {}
    if latitude is None or longitude is None:
        missing = lat_name if latitude is None else long_name
        return {missing: [_("Lintang dan bujur harus diisi berdua.")]}
    errors = {}
    if not LAT_MIN <= latitude <= LAT_MAX:
        errors[lat_name] = [
            _("Lintang harus di dalam wilayah Banten (%(min)s sampai %(max)s).")
            % {"min": LAT_MIN, "max": LAT_MAX}
        ]
    if not LONG_MIN <= longitude <= LONG_MAX:
        errors[long_name] = [
            _("Bujur harus di dalam wilayah Banten (%(min)s sampai %(max)s).")
            % {"min": LONG_MIN, "max": LONG_MAX}
        ]
    return errors


def identity_errors(privacy: str, data: dict) -> dict:
    """A named report (biasa, rahasia) needs a name and a way to reach the reporter;
    an anonymous one keeps none (blanked by ``with_privacy``)."""
    if privacy == "anonim":
        return {}
    errors = {}
    if not data.get("reporter_name"):
        errors["reporter_name"] = [_("Nama pelapor wajib diisi (atau pilih anonim).")]
    if not data.get("reporter_email") and not data.get("reporter_phone"):
        errors["reporter_email"] = [
            _("Isi surel atau nomor telepon pelapor (atau pilih anonim).")
        ]
    return errors


def with_privacy(data: dict) -> dict:
    """The data with identity blanked for an anonymous report: never stored, even
    when an app sent it along."""
    if data.get("privacy") != "anonim":
        return data
    return {**data, **dict.fromkeys(IDENTITY_FIELDS, "")}
