"""Requests over two years and three OPDs for the annual-report tests, built the
way people build them: filed, assigned, extended, decided, objected to and taken
to the Komisi Informasi through ``cms.ppid.services`` with the clock set, so
every figure went through the same rules as in production."""

import itertools
from collections import Counter, defaultdict
from datetime import date, datetime
from statistics import mean, median
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from cms.core.workdays import working_days_between
from cms.ppid import access, clock, services
from cms.ppid.models import Dispute, InformationRequest, Objection
from tests.factories.pages import add_dip_entry, make_opds

JAKARTA = ZoneInfo("Asia/Jakarta")
_serial = itertools.count(1)

REQUESTER = {
    "requester_kind": "perorangan",
    "requester_name": "Sari Tersembunyi",
    "identity_number": "3604123412341234",
    "email": "sari.tersembunyi@example.org",
    "phone": "081311223344",
    "address": "Jl. Rahasia 7, Pandeglang",
    "purpose": "Bahan kajian kebijakan publik daerah.",
    "obtain_method": "salinan_elektronik",
    "delivery_method": "email",
}
SECRETS = ("Sari Tersembunyi", "3604123412341234", "sari.tersembunyi", "081311223344")
ASKED = "Rekapitulasi rahasia-permohonan-{n} tentang anggaran program daerah."


class People:
    def __init__(self, opds):
        self.utama = _member(access.utama_group_ensure())
        self.atasan = _member(access.atasan_group_ensure())
        self.pelaksana = {
            slug: _member(access.pelaksana_group_ensure(opd))
            for slug, opd in opds.items()
        }


def _member(group):
    name = f"ppid.annual.{next(_serial)}"
    user = get_user_model().objects.create_user(
        username=name, email=f"{name}@bantenprov.go.id", password="x"
    )
    user.groups.add(group)
    return user


def set_clock(monkeypatch, day: date, hour: int = 10) -> None:
    when = datetime(day.year, day.month, day.day, hour, tzinfo=JAKARTA)
    monkeypatch.setattr(clock, "now", lambda: when)


class Builder:
    """Each step moves the clock to ``on`` first."""

    def __init__(self, monkeypatch, opds, people):
        self.monkeypatch, self.opds, self.people = monkeypatch, opds, people

    def at(self, on: date):
        set_clock(self.monkeypatch, on)

    def file(self, on, opd=None):
        self.at(on)
        n = next(_serial)
        data = {
            **REQUESTER,
            "information_requested": ASKED.format(n=n),
            "addressed_opd": self.opds[opd] if opd else None,
        }
        info, token = services.request_submit(data=data, source="portal")
        info.token = token
        return info

    def assign(self, info, opd, on):
        self.at(on)
        services.request_assign(
            request=info, opd=self.opds[opd], user=self.people.utama
        )
        info.refresh_from_db()

    def extend(self, info, on):
        self.at(on)
        services.request_extend(
            request=info,
            reason="Dokumen tersebar di beberapa bidang.",
            user=self.people.utama,
        )
        info.refresh_from_db()

    def decide(self, info, decision, on, **extra):
        self.at(on)
        defaults = {
            "diberikan_sebagian": {"redaction_note": "Data pribadi dihitamkan."},
            "tidak_dikuasai": {"referral": "Badan Pusat Statistik Provinsi Banten."},
        }
        if decision == "ditolak":
            extra.setdefault("consequence_test", "Membuka informasi ini merugikan.")
        services.request_decide(
            request=info,
            decision=decision,
            text="Jawaban PPID.",
            user=self.people.utama,
            **{**defaults.get(decision, {}), **extra},
        )
        info.refresh_from_db()

    def object(self, info, on, grounds):
        self.at(on)
        return services.objection_file(
            request=info,
            token=info.token,
            grounds=grounds,
            reason="Saya keberatan atas jawaban ini.",
        )

    def answer(self, objection, outcome, on):
        self.at(on)
        services.objection_answer(
            objection=objection,
            outcome=outcome,
            text="Tanggapan atasan PPID.",
            user=self.people.atasan,
        )
        objection.refresh_from_db()

    def dispute(self, objection, on, outcome="", decided_on=None):
        self.at(on)
        return services.dispute_record(
            objection=objection,
            filed_on=on,
            case_number=f"{next(_serial)}/KI-BTN/PS/2025",
            user=self.people.atasan,
            outcome=outcome,
            decided_on=decided_on,
        )


def build(monkeypatch) -> dict:
    """2025: seven requests (every decision kind, an extension, a late decision,
    one decided only in 2026, one never decided); three objections, two
    disputes. 2026: two requests. Units: PPID Utama, diskominfo, dinkes, bpbd."""
    opds = make_opds()
    people = People(opds)
    b = Builder(monkeypatch, opds, people)
    secret_entry = add_dip_entry(
        opds["dinkes"], "Rekam medis pasien", kategori="dikecualikan"
    )
    hidden_entry = add_dip_entry(
        opds["dinkes"], "Hasil uji tertutup", kategori="dikecualikan", live=False
    )
    # October and November 2025 have no national holiday.
    r1 = b.file(date(2025, 10, 1))
    b.assign(r1, "diskominfo", date(2025, 10, 2))
    b.decide(r1, "diberikan_seluruhnya", date(2025, 10, 8))
    r2 = b.file(date(2025, 10, 1), "diskominfo")
    b.extend(r2, date(2025, 10, 10))
    b.decide(r2, "diberikan_sebagian", date(2025, 10, 21))
    r3 = b.file(date(2025, 10, 6), "dinkes")
    b.decide(r3, "ditolak", date(2025, 10, 9), exemption_entry=secret_entry)
    o3 = b.object(r3, date(2025, 10, 13), ["a"])
    b.answer(o3, "diterima", date(2025, 10, 27))
    b.dispute(o3, date(2025, 10, 29), "dikabulkan", date(2025, 11, 20))
    r4 = b.file(date(2025, 10, 6), "dinkes")
    b.decide(
        r4,
        "ditolak",
        date(2025, 10, 10),
        exemption_entry=hidden_entry,
        exemption_article="Pasal 17 huruf h UU 14/2008",
    )
    o4 = b.object(r4, date(2025, 10, 14), ["a", "e"])
    b.answer(o4, "ditolak", date(2025, 10, 28))
    b.dispute(o4, date(2025, 11, 3))
    r5 = b.file(date(2025, 10, 1), "bpbd")
    b.decide(r5, "tidak_dikuasai", date(2025, 10, 20))  # late: due 15 October
    r7 = b.file(date(2025, 10, 1), "bpbd")  # never decided
    b.object(r7, date(2025, 10, 20), ["c"])  # unanswered
    r6 = b.file(date(2025, 12, 1))
    b.decide(r6, "belum_didokumentasikan", date(2026, 1, 5))  # open at 2025's end
    # 2026
    r8 = b.file(date(2026, 2, 2), "dinkes")
    b.decide(r8, "ditolak", date(2026, 2, 4), exemption_article="Pasal 17 huruf h")
    b.file(date(2026, 2, 3))
    return {
        "opds": opds,
        "people": people,
        "requests": [r1, r2, r3, r4, r5, r6, r7, r8],
        "entries": {"public": secret_entry, "hidden": hidden_entry},
    }


def unit_of(info) -> int | None:
    return info.assigned_opd_id or info.addressed_opd_id


def independent_counts(year: int) -> dict:
    """The figures counted row by row in Python, per unit id (None: PPID
    Utama), and under "total" for the province: what the report must say."""
    counts = defaultdict(Counter)
    days = defaultdict(list)
    for info in InformationRequest.objects.filter(year=year):
        for key in (unit_of(info), "total"):
            tally = counts[key]
            tally["received"] += 1
            if info.decided_on:
                tally["decided"] += 1
                tally["on_time"] += info.decided_on <= info.due_on
                tally[info.decision] += 1
                days[key].append(working_days_between(info.filed_on, info.decided_on))
            tally["extended"] += info.extended_at is not None
            tally["open_at_year_end"] += (
                info.decided_on is None or info.decided_on > date(year, 12, 31)
            )
    for objection in Objection.objects.filter(request__year=year):
        for key in (unit_of(objection.request), "total"):
            counts[key]["objections_filed"] += 1
            counts[key]["objections_answered"] += objection.answered_on is not None
            counts[key]["objections_upheld"] += objection.outcome == "diterima"
    for dispute in Dispute.objects.filter(objection__request__year=year):
        for key in (unit_of(dispute.objection.request), "total"):
            counts[key]["disputes"] += 1
            counts[key][f"dispute_{dispute.outcome or 'pending'}"] += 1
    for key, found in days.items():
        counts[key]["median_days"] = median(found)
        counts[key]["mean_days"] = mean(found)
    return counts
