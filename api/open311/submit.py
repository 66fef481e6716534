"""POST requests of GeoReport v2: the specification's fields mapped onto a report.

- ``service_code`` -> the category; ``attribute[region]`` (required, see the service
  definition), ``attribute[kind]``, ``attribute[privacy]``, ``attribute[title]``;
- ``lat``/``long`` (inside Banten) and ``address_string`` -> the place (one of them
  required, as the specification says; ``address_id`` alone is not enough: we keep
  no address register);
- ``first_name``/``last_name``, ``email``, ``phone`` -> the reporter. Without a
  ``privacy`` attribute a report with identity is ``rahasia`` (seen only by the
  province's verification team) and one without is ``anonim``;
- ``description`` (required: a report needs its text); ``media_url`` is kept as a
  line of the description, never fetched (remote media stay remote);
- ``device_id``, ``account_id`` are not kept.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from api.v1.report_input import parse_coordinate
from cms.complaints import rules
from cms.complaints.models import Kind, Privacy

from .catalog import active_categories

TITLE_LENGTH = 80
_MEDIA_URL = URLValidator(schemes=["http", "https"])
# Report field -> the specification's name, for the shared rules' errors.
SPEC_NAMES = {
    "category": "service_code",
    "kind": "attribute[kind]",
    "title": "attribute[title]",
    "region": "attribute[region]",
    "privacy": "attribute[privacy]",
    "address": "address_string",
    "latitude": "lat",
    "longitude": "long",
    "reporter_name": "first_name",
    "reporter_email": "email",
    "reporter_phone": "phone",
}


class BadRequest(Exception):
    def __init__(self, messages: list[str]):
        super().__init__(messages)
        self.messages = messages


def _get(params, name, max_length=300) -> str:
    value = params.get(name, "")
    value = value.replace("\x00", "").strip() if isinstance(value, str) else ""
    return value[:max_length] if max_length else value


def _title(params, description: str) -> str:
    """``attribute[title]``, else the description's first line (its whole text
    when that line is too short to be a title), cut to 80 characters."""
    title = _get(params, "attribute[title]", None)
    if title:
        return title
    first_line = description.splitlines()[0].strip() if description else ""
    if len(first_line) < rules.TITLE_MIN:
        first_line = " ".join(description.split())
    if len(first_line) <= TITLE_LENGTH:
        return first_line
    return first_line[: TITLE_LENGTH - 1].rstrip() + "…"


def _messages(errors: dict) -> list[str]:
    return [f"{name}: {message}" for name, items in errors.items() for message in items]


def _identity(params) -> dict:
    name = " ".join(
        part
        for part in (_get(params, "first_name", 100), _get(params, "last_name", 100))
        if part
    )
    return {
        "reporter_name": name,
        "reporter_email": _get(params, "email", None),
        "reporter_phone": _get(params, "phone", None),
    }


def parse(params) -> dict:
    """The data dict of ``services.submit``; raises BadRequest naming every bad
    field with the specification's names. What a report must satisfy is
    ``cms.complaints.rules``'; this only maps the specification onto it."""
    errors: dict[str, list[str]] = {}
    category = None
    code = _get(params, "service_code", 120)
    if not code:
        errors["service_code"] = [_("Wajib diisi.")]
    else:
        category = active_categories().filter(slug=code).first()
        if category is None:
            errors["service_code"] = [_("Tidak ada layanan dengan kode ini.")]
    kind = _get(params, "attribute[kind]", 20) or Kind.PENGADUAN
    if kind not in Kind.values:
        errors["attribute[kind]"] = [_("Jenis tidak dikenal.")]
    lat_raw, long_raw = _get(params, "lat", 40), _get(params, "long", 40)
    lat, long = parse_coordinate(lat_raw), parse_coordinate(long_raw)
    for name, raw, value in (("lat", lat_raw, lat), ("long", long_raw, long)):
        if raw and value is None:
            errors[name] = [_("Bukan angka desimal yang sah.")]
    address = _get(params, "address_string", None)
    if not (lat_raw or long_raw or address):
        errors["lat"] = [_("Isi lat dan long, atau address_string.")]
    description = _get(params, "description", None)
    if not description:
        errors["description"] = [_("Wajib diisi: uraikan laporan Anda.")]
    media_url = _get(params, "media_url", 500)
    if media_url:
        try:
            _MEDIA_URL(media_url)
        except ValidationError:
            errors["media_url"] = [_("Harus alamat http(s) yang sah.")]
        else:
            description = f"{description}\n\nMedia: {media_url}"
    identity = _identity(params)
    privacy = _get(params, "attribute[privacy]", 10) or (
        Privacy.RAHASIA if any(identity.values()) else Privacy.ANONIM
    )
    if privacy not in Privacy.values:
        errors["attribute[privacy]"] = [_("Kerahasiaan tidak dikenal.")]
    data = rules.with_privacy(
        {
            "kind": kind,
            "category": category,
            "title": _title(params, description),
            "description": description,
            "region": _get(params, "attribute[region]", None),
            "address": address,
            "latitude": lat,
            "longitude": long,
            "privacy": privacy,
            **identity,
        }
    )
    for name, items in rules.report_errors(data).items():
        spec_name = SPEC_NAMES.get(name, name)
        if spec_name not in errors:  # the parse error already names the field
            errors[spec_name] = items
    if errors:
        raise BadRequest(_messages(errors))
    return data
