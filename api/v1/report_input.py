"""Parsing shared by the mobile API (api/v1) and Open311 (api/open311): a
coordinate as a client sends it. What a report must satisfy (the box around
Banten, identity per privacy, lengths, phone, email) is decided once, in
``cms.complaints.rules``, for every door."""

from decimal import Decimal, InvalidOperation

COORDINATE_PLACES = Decimal("0.000001")


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
