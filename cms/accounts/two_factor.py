"""Two-factor sign-in (TOTP, with one-time recovery codes) on django-otp's devices.

Who must use it is a setting: ``ADMIN_2FA_REQUIRED`` switches it on, superusers
always, plus members of the groups matching ``ADMIN_2FA_GROUPS`` (shell-style
patterns; by default the OPD reviewer groups, the province team and Wagtail's
Moderators: everyone who can publish). Anyone who has enrolled a device is asked
for it too. The crypto, throttling and single use are django-otp's.
"""

from fnmatch import fnmatchcase

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
TOTP_NAME = "Aplikasi autentikator"
RECOVERY_NAME = "Kode pemulihan"


def is_required(user) -> bool:
    """True when this admin user may not work without the second factor."""
    if not getattr(settings, "ADMIN_2FA_REQUIRED", True):
        return False
    if user.is_superuser:
        return True
    patterns = getattr(settings, "ADMIN_2FA_GROUPS", ())
    names = user.groups.values_list("name", flat=True)
    return any(fnmatchcase(name, p) for name in names for p in patterns)


def has_authenticator(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def must_verify(user) -> bool:
    """A signed-in user whose session still lacks the second factor."""
    if user.is_verified():
        return False
    return is_required(user) or has_authenticator(user)


def pending_authenticator(user) -> TOTPDevice:
    """The not yet confirmed device being enrolled (one per user, reused so a
    reload shows the same secret)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(
        user=user, name=TOTP_NAME, confirmed=False
    )


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// URL as an inline SVG (no image files, no external service)."""
    image = qrcode.make(
        device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=10
    )
    return image.to_string(encoding="unicode")


def secret_for_manual_entry(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, as authenticator apps expect it."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def recovery_codes_renew(user) -> list[str]:
    """Replace the user's recovery codes; the plain codes are returned once."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def normalise_code(raw: str) -> str:
    return "".join(raw.split()).replace("-", "").lower()


def candidate_devices(user, code: str):
    """Six digits go to the authenticator, anything else to the recovery codes,
    so a mistyped code only slows down the kind of device it was meant for."""
    kind = TOTPDevice if code.isdigit() else StaticDevice
    return [d for d in devices_for_user(user, confirmed=True) if isinstance(d, kind)]


@transaction.atomic
def two_factor_reset(user) -> int:
    """Forget every device: the user enrols again at the next sign-in."""
    count = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        count += 1
    return count
