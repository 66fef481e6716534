"""Taking a report in: ``submit`` (re-exported by ``services``), near-duplicate
detection and the keyed hashes that stand in for the reporter's IP and link."""

import difflib
import re
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from cms.core.secret_links import new_token
from cms.core.workdays import add_working_days

from . import clock, events
from .codes import new_code
from .deadlines import set_due_on
from .models import Action, ActorRole, Category, Privacy, Report, TimelineEntry
from .rules import IDENTITY_FIELDS, report_errors, with_privacy
from .storage import save_attachments
from .timeline import stored_text, system

VERIFY_DAYS = 3
DUPLICATE_WINDOW = timedelta(hours=24)
DUPLICATE_RATIO = 0.9
FIELDS = (
    "kind",
    "category",
    "title",
    "description",
    "region",
    "address",
    "latitude",
    "longitude",
    "privacy",
    *IDENTITY_FIELDS,
)
_SPACES = re.compile(r"\s+")
_PHONE_NOISE = re.compile(r"[\s\-.()]")


class DuplicateReport(ValidationError):
    """The same reporter sent nearly the same text within 24 hours."""

    def __init__(self, tracking_code: str):
        self.tracking_code = tracking_code
        super().__init__(
            _(
                "Laporan yang hampir sama sudah Anda kirim dengan kode "
                "%(tracking_code)s. Ikuti laporan itu dengan kodenya."
            ),
            code="duplicate",
            params={"tracking_code": tracking_code},
        )


def client_ip_hash(client_ip: str | None) -> str:
    """A keyed hash of the address (SECRET_KEY-derived): comparable, not reversible
    without the key. Blank when the address is unknown."""
    if not client_ip:
        return ""
    return salted_hmac(
        "cms.complaints.client_ip", client_ip, algorithm="sha256"
    ).hexdigest()


def _normalised_text(title: str, description: str) -> str:
    return _SPACES.sub(" ", f"{title} {description}").strip().lower()


def find_near_duplicate(report: Report) -> Report | None:
    """A report from the same reporter (email, phone, or for anonim the address)
    within 24 hours whose text is nearly the same."""
    keys = {}
    if report.privacy == Privacy.ANONIM or not (
        report.reporter_email or report.reporter_phone
    ):
        keys = (
            {"client_ip_hash": report.client_ip_hash} if report.client_ip_hash else {}
        )
    candidates = Report.objects.none()
    since = clock.now() - DUPLICATE_WINDOW
    recent = Report.objects.filter(submitted_at__gte=since)
    if report.reporter_email:
        candidates |= recent.filter(reporter_email__iexact=report.reporter_email)
    if report.reporter_phone:
        candidates |= recent.filter(reporter_phone=report.reporter_phone)
    if keys:
        candidates |= recent.filter(**keys)
    text = _normalised_text(report.title, report.description)
    for title, description, code in candidates.order_by("-submitted_at").values_list(
        "title", "description", "tracking_code"
    )[:20]:
        other = _normalised_text(title, description)
        if difflib.SequenceMatcher(None, text, other).ratio() > DUPLICATE_RATIO:
            return Report.objects.get(tracking_code=code)
    return None


def _build(data: dict, source: str, client_ip: str | None) -> Report:
    # Anonymous: whatever identity was posted, nothing of it is kept.
    data = with_privacy(data)
    values = {key: data[key] for key in FIELDS if data.get(key) is not None}
    category = values.get("category")
    if category is not None and not isinstance(category, Category):
        values["category"] = Category.objects.filter(pk=category).first()
    for key in ("title", "description", "address", *IDENTITY_FIELDS):
        if isinstance(values.get(key), str):
            values[key] = values[key].strip()
    return Report(source=source, client_ip_hash=client_ip_hash(client_ip), **values)


def _normalise_contact(report: Report) -> None:
    """Stored comparable (near-duplicate detection); only once the rules passed,
    so a phone of dashes is refused rather than stored blank."""
    report.reporter_email = report.reporter_email.lower()
    report.reporter_phone = _PHONE_NOISE.sub("", report.reporter_phone)


@transaction.atomic
def submit(*, data: dict, uploads: list, source: str, client_ip) -> tuple[Report, str]:
    """Validate and store a new report; returns it with the reporter's secret link
    token (only its hash is stored). Raises ValidationError (incl. DuplicateReport)."""
    report = _build(data, source, client_ip)
    # The citizen's rules (cms/complaints/rules.py), whichever door this came by.
    if errors := report_errors(report):
        raise ValidationError(errors)
    _normalise_contact(report)
    report.tracking_code = new_code()
    report.full_clean(exclude=["tracking_code"])
    duplicate = find_near_duplicate(report)
    if duplicate is not None:
        raise DuplicateReport(duplicate.tracking_code)

    token, report.reply_token_hash = new_token()
    report.submitted_at = clock.now()
    report.verify_due = add_working_days(
        timezone.localdate(report.submitted_at), VERIFY_DAYS
    )
    set_due_on(report)
    for _attempt in range(10):  # a collision is ~never; retry on a fresh code
        try:
            with transaction.atomic():
                report.save()
            break
        except IntegrityError:
            if not Report.objects.filter(tracking_code=report.tracking_code).exists():
                raise
            report.pk = None
            report.tracking_code = new_code()
    else:
        raise RuntimeError("No free tracking code after 10 attempts")

    message, facts = stored_text(system("submitted"))
    entry = TimelineEntry.objects.create(
        report=report,
        at=report.submitted_at,
        actor_role=ActorRole.PELAPOR,
        action=Action.SUBMITTED,
        message=message,
        public=True,
        facts=facts,
    )
    save_attachments(report, entry, uploads)
    # The token goes to the notification subscriber (the reporter's email) only;
    # webhook payloads never carry event data.
    events.emit("report.submitted", report, token=token)
    return report, token
