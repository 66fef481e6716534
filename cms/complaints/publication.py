"""Publishing a resolved report, anonymised, as a public "tindak lanjut" page.

A ``FollowUpPage`` lives under the OPD that followed the report up, so every public
door (portal, API, feeds, sitemap, search, webhooks, caches) treats it like any
content page through the existing publish machinery and the one visibility rule.
What it never carries: the reporter's identity or contacts, the exact address or
coordinates, and the tracking code (the reporter's handle on the report).

Only the province verification team publishes one: its approval of the text *is*
the editorial approval, so the page is published directly with a revision by the
verifier, without a workflow (``skip_permission_checks``: the team has no page
permissions in the OPD's subtree, and needs none).
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction

from cms.content.models import FollowUpPage

from . import clock
from .models import Action, ActorRole, Status
from .regions import region_name
from .steps import active_dispositions, lock, log, require_verifier
from .timeline import system

REDACTED = "[disamarkan]"
PUBLISHABLE_STATUSES = frozenset({Status.SELESAI, Status.ARSIP})
# Timeline actions (kept as plain values: they are internal entries).
PUBLISHED, WITHDRAWN = Action.FOLLOWUP_PUBLISHED, Action.FOLLOWUP_WITHDRAWN

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Indonesian numbers: +62 / 62 / 0, then 8 to 13 digits with spaces, dots, dashes
# or brackets between groups. Dates (12-03-2026) have too few digits per group.
PHONE_RE = re.compile(
    r"(?<![\w+])(?:\+?62|0)[\s.\-]?\(?\d{2,4}\)?(?:[\s.\-]?\d{2,5}){2,4}(?!\w)"
)
MIN_PHONE_DIGITS = 9
MIN_NAME_PART = 4  # "Sri", "Ali": too common as plain words to refuse on


def _phones(text: str) -> list[str]:
    return [
        m.group(0)
        for m in PHONE_RE.finditer(text)
        if sum(c.isdigit() for c in m.group(0)) >= MIN_PHONE_DIGITS
    ]


def _spaced(value: str) -> re.Pattern:
    """``value`` case-insensitively, any run of spaces matching any other."""
    words = [re.escape(w) for w in value.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _identity_patterns(report) -> list[tuple[str, re.Pattern]]:
    """(what, pattern) for each identifying value stored on the report (none when
    the report is gone: its page keeps only the generic checks)."""
    found = []
    if report is None:
        return found
    name = (report.reporter_name or "").strip()
    if name:
        found.append((_("nama pelapor"), _spaced(name)))
        for part in name.split():
            if len(part) >= MIN_NAME_PART:
                found.append((_("nama pelapor"), _spaced(part)))
    for label, value in (
        (_("surel pelapor"), report.reporter_email),
        (_("telepon pelapor"), report.reporter_phone),
        (_("alamat"), report.address),
    ):
        if value and value.strip():
            found.append((label, _spaced(value.strip())))
    phone_digits = re.sub(r"\D", "", report.reporter_phone or "")
    if len(phone_digits) >= MIN_PHONE_DIGITS:
        # The same number written another way (+62 812... for 0812...).
        core = phone_digits.removeprefix("62").removeprefix("0")
        spaced_digits = r"[\s.\-()]*".join(core)
        found.append((_("telepon pelapor"), re.compile(spaced_digits)))
    for coordinate in (report.latitude, report.longitude):
        if coordinate is not None:
            # Any writing of the position to three decimals (about 100 m).
            shown = re.escape(f"{coordinate:.3f}")
            found.append((_("koordinat"), re.compile(rf"(?<![\d.]){shown}")))
    code = report.tracking_code
    if code:
        loose = r"[\s\-]?".join(re.escape(c) for c in code.replace("-", ""))
        found.append((_("kode lacak"), re.compile(loose, re.IGNORECASE)))
    return found


def followup_identity_leaks(report, text: str) -> list[str]:
    """What in ``text`` still identifies the reporter, as "what “value”" strings for
    the verifier (empty: nothing found). Checked: the reporter's name (also each
    longer part of it), email, phone (also written differently), address,
    coordinates, the tracking code, and any email address or phone number."""
    leaks: list[str] = []

    def add(what, value):
        item = f"{what} “{value.strip()}”"
        if item not in leaks:
            leaks.append(item)

    for what, pattern in _identity_patterns(report):
        for match in pattern.finditer(text):
            add(what, match.group(0))
    for match in EMAIL_RE.finditer(text):
        add(_("alamat surel"), match.group(0))
    for phone in _phones(text):
        add(_("nomor telepon"), phone)
    return leaks


def redact(report, text: str) -> str:
    """``text`` with every identifying value and pattern replaced by REDACTED."""
    for _what, pattern in _identity_patterns(report):
        text = pattern.sub(REDACTED, text)
    text = EMAIL_RE.sub(REDACTED, text)
    for phone in _phones(text):
        text = text.replace(phone, REDACTED)
    return text


def followup_opd(report):
    """The OPD that followed the report up: the first active disposition's (else
    the category's default OPD)."""
    disposition = active_dispositions(report).order_by("disposed_at", "pk").first()
    return disposition.opd if disposition else report.category.default_opd


def _local_date(moment):
    return timezone.localtime(moment).date() if moment else None


def followup_draft(report) -> dict:
    """A suggested title, summary and text: from the category, the region and the
    OPDs' public timeline messages, with identity already replaced. The verifier
    reads and edits it before publishing. Drafted in the site's language
    (Indonesian, dates too) whatever the verifier's admin language: the page is
    published in it."""
    with translation.override(settings.LANGUAGE_CODE):
        return _draft(report)


def _draft(report) -> dict:
    category, region = report.category.name, region_name(report.region)
    opd = followup_opd(report)
    messages = [
        entry.message.strip()
        for entry in report.timeline.filter(
            public=True, actor_role=ActorRole.OPD
        ).order_by("at", "pk")
        if entry.message.strip()
    ]
    received = date_format(_local_date(report.submitted_at), "j F Y")
    resolved = _local_date(report.resolved_at)
    resolved = date_format(resolved, "j F Y") if resolved else None
    summary = _(
        "Laporan warga tentang %(category)s di %(region)s, diterima %(received)s"
    ) % {"category": category, "region": region, "received": received}
    if resolved:
        summary += _(", diselesaikan %(resolved)s") % {"resolved": resolved}
    if opd is not None:
        summary += _(" oleh %(opd)s") % {"opd": opd.title}
    return {
        "title": _("Tindak lanjut aduan %(category)s di %(region)s")
        % {"category": category, "region": region},
        "summary": summary + ".",
        "text": redact(report, "\n\n".join(messages)),
    }


def _refuse_leaks(report, *texts):
    leaks = followup_identity_leaks(report, "\n".join(texts))
    if leaks:
        raise ValidationError(
            _("Teks masih memuat identitas pelapor: %(leaks)s. Samarkan dahulu.")
            % {"leaks": "; ".join(leaks)},
            code="identity_leak",
        )


def _unique_slug(parent, title) -> str:
    base = slugify(title)[:70].strip("-") or "tindak-lanjut"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def followup_publish(*, report, title, summary, text, user) -> FollowUpPage:
    """Create or update the report's follow-up page and publish it as ``user``."""
    require_verifier(user)
    lock(report)
    if report.status not in PUBLISHABLE_STATUSES:
        raise ValidationError(
            _("Hanya laporan yang selesai atau diarsipkan dapat diterbitkan."),
            code="not_resolved",
        )
    title, summary, text = title.strip(), summary.strip(), text.strip()
    if not title or not text:
        raise ValidationError(_("Judul dan teks tindak lanjut wajib diisi."))
    _refuse_leaks(report, title, summary, text)
    facts = {
        "title": title,
        "summary": summary,
        "text": text,
        "category_name": report.category.name,
        "region": region_name(report.region),
        "received_on": _local_date(report.submitted_at),
        "resolved_on": _local_date(report.resolved_at),
    }
    page = FollowUpPage.objects.filter(report=report).first()
    if page is None:
        opd = followup_opd(report)
        if opd is None:
            raise ValidationError(_("Laporan ini belum memiliki OPD penanggung jawab."))
        page = FollowUpPage(
            slug=_unique_slug(opd, title),
            live=False,
            report=report,
            publish_date=clock.now(),
            **facts,
        )
        opd.add_child(instance=page)
        action, message = PUBLISHED, system("followup_published")
    else:
        for name, value in facts.items():
            setattr(page, name, value)
        action, message = PUBLISHED, system("followup_updated")
    page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    log(report, action, message, user=user, role=ActorRole.VERIFIKATOR, public=False)
    page.refresh_from_db()  # published from the revision's copy
    return page


@transaction.atomic
def followup_withdraw(*, report, user) -> None:
    """Take the follow-up off every public surface (the page and its revisions
    stay, unpublished, so it can be published again)."""
    require_verifier(user)
    lock(report)
    page = FollowUpPage.objects.filter(report=report).first()
    if page is None or not page.live:
        raise ValidationError(_("Tindak lanjut laporan ini tidak sedang diterbitkan."))
    UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)
    log(
        report,
        WITHDRAWN,
        system("followup_withdrawn"),
        user=user,
        role=ActorRole.VERIFIKATOR,
        public=False,
    )


def followup_of(report) -> FollowUpPage | None:
    return FollowUpPage.objects.filter(report=report).first()
