"""System-written timeline entries keep their template key and facts, so they are
shown in the reader's language (cms.complaints.timeline). Existing entries are
recognised by their exact Indonesian text (what the code wrote until now); typed
messages never match and stay as they are."""

import re

from django.db import migrations, models

FIXED = {
    ("submitted", True, "Laporan diterima dan menunggu verifikasi."): "submitted",
    ("spam", True, "Laporan ini tidak dapat diproses lebih lanjut."): "spam",
    (
        "merged",
        True,
        "Laporan ini digabungkan dengan laporan lain tentang hal yang sama "
        "dan ditindaklanjuti bersama.",
    ): "merged",
    ("confirmed", True, "Pelapor menyatakan laporan selesai."): "confirmed",
    (
        "closed_auto",
        True,
        "Ditutup otomatis: tidak ada tanggapan pelapor dalam 10 hari kerja.",
    ): "closed_auto",
    ("archived", True, "Laporan diarsipkan."): "archived",
}
PATTERNS = {
    ("disposed", True): (
        "disposed",
        re.compile(r"Laporan diteruskan kepada (?P<opd>.+)\.\Z", re.S),
    ),
    ("not_authority", True): (
        "not_authority",
        re.compile(
            r"Laporan ini bukan kewenangan Pemerintah Provinsi Banten\."
            r"\s*(?P<referral>.*)\Z",
            re.S,
        ),
    ),
    ("merged", False): (
        "merged_into",
        re.compile(r"Digabungkan ke laporan (?P<code>\S+)\.\Z"),
    ),
}
HERE = re.compile(r"Laporan (?P<code>\S+) digabungkan ke sini\.\Z")


def facts_of(action, public, message):
    key = FIXED.get((action, public, message))
    if key:
        return {"text": key}
    key, pattern = PATTERNS.get((action, public), (None, None))
    match = pattern and pattern.match(message)
    if not match and (action, public) == ("merged", False):
        key, match = "merged_here", HERE.match(message)
    return {**match.groupdict(), "text": key} if match else None


def backfill(apps, schema_editor):
    TimelineEntry = apps.get_model("complaints", "TimelineEntry")
    for entry in TimelineEntry.objects.filter(facts={}).iterator(chunk_size=2000):
        facts = facts_of(entry.action, entry.public, entry.message)
        if facts:
            entry.facts = facts
            entry.save(update_fields=["facts"])


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0004_report_due_on"),
    ]

    operations = [
        migrations.AddField(
            model_name="timelineentry",
            name="facts",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
    ]
