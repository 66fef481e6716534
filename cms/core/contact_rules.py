"""How a citizen's name, e-mail address and phone number are checked, and the
length rule of a free-text field: shared by complaints (``cms.complaints.rules``)
and information requests (``cms.ppid.rules``), whose own wording stays theirs.

Each check takes ``add(field, message)``, the app's collector of errors by field
name, so the app decides under which field an error appears.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

NAME_MAX = 200
EMAIL_MAX = 254
PHONE_MAX = 30
PHONE_MIN_DIGITS = 8
# Digits, spaces, dashes, parentheses and one leading "+": what people type.
PHONE_PATTERN = re.compile(r"^\+?[0-9 ()\-]+$")


def text(value) -> str:
    """The value stripped; "" for anything that is not a string (None, a number)."""
    return value.strip() if isinstance(value, str) else ""


def name_errors(add, field: str, name: str) -> None:
    """Only the length: whether a name is required, and how to say it, is the
    app's."""
    if len(name) > NAME_MAX:
        add(field, _("Nama paling banyak %(max)d karakter.") % {"max": NAME_MAX})


def email_errors(add, field: str, email: str) -> None:
    """A given address must be well formed; a blank one is not checked here."""
    if not email:
        return
    try:
        if len(email) > EMAIL_MAX:
            raise ValidationError("too long")
        validate_email(email)
    except ValidationError:
        add(field, _("Alamat surel tidak sah, misalnya nama@contoh.id."))


def phone_is_valid(phone: str) -> bool:
    """A given number is short enough, typed with the usual characters and has
    enough digits. The apps word the error each their own way."""
    digits = sum(char.isdigit() for char in phone)
    return (
        len(phone) <= PHONE_MAX
        and bool(PHONE_PATTERN.match(phone))
        and digits >= PHONE_MIN_DIGITS
    )


def length_errors(get, add, fields) -> None:
    """Each of ``fields``, ``(name, label, min, max)``, within its bounds, read
    with ``get(name)``; a ``min`` of 0 makes the field optional."""
    for name, label, low, high in fields:
        size = len(text(get(name)))
        if low and not size:
            add(name, _("%(field)s wajib diisi.") % {"field": label})
        elif size < low:
            add(
                name,
                _("%(field)s paling sedikit %(min)d karakter.")
                % {"field": label, "min": low},
            )
        elif size > high:
            add(
                name,
                _("%(field)s paling banyak %(max)d karakter.")
                % {"field": label, "max": high},
            )
