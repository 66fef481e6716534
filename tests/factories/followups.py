"""A report that went the whole way (submitted, disposed, answered, resolved) with
the reporter's identity written into the OPD's answers, and its follow-up page."""

from cms.complaints import publication, services
from tests.factories.complaints import add_category, add_report, liaison_of, verifier

IDENTITY = {
    "reporter_name": "Siti Rahmawati",
    "reporter_email": "siti.rahma@example.org",
    "reporter_phone": "0812-3456-7890",
    "address": "Jl. Melati Nomor 7, Cipocok Jaya",
}


def resolved_report(opd, *, privacy="biasa", **fields):
    """Resolved by ``opd``'s liaison; the answers name the reporter, her phone,
    email and address (a careless liaison), so every redaction is exercised (an
    anonymous reporter's name is known to nobody, so it is not written)."""
    category = add_category("Jalan dan jembatan", opd=opd)
    identity = dict(IDENTITY)
    if privacy == "anonim":  # nothing stored, so nobody can name her
        identity = {"address": IDENTITY["address"]}
    greeting = "Ibu" if privacy == "anonim" else "Ibu Siti Rahmawati"
    report = add_report(
        category=category,
        opds=[opd],
        privacy=privacy,
        title="Jalan berlubang di depan rumah Siti Rahmawati",
        region="36.73",
        **{**identity, **fields},
    )
    liaison = liaison_of(opd)
    services.respond(
        report,
        liaison,
        opd,
        f"Terima kasih {greeting} (0812 3456 7890, siti.rahma@example.org). "
        "Tim kami memeriksa lubang di Jl. Melati Nomor 7, Cipocok Jaya.",
    )
    services.resolve(report, liaison, "Lubang sudah ditambal dengan aspal hotmix.")
    report.refresh_from_db()
    return report


def publish_followup(report, user=None, **overrides):
    """The draft as suggested, published by a verifier."""
    draft = {**publication.followup_draft(report), **overrides}
    return publication.followup_publish(report=report, user=user or verifier(), **draft)
