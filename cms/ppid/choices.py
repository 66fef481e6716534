"""The choices of the PPID models (UU 14/2008, Perki 1/2021): stored values
are Indonesian codes, labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RequesterKind(models.TextChoices):
    PERORANGAN = "perorangan", _("Perorangan")
    BADAN_HUKUM = "badan_hukum", _("Badan hukum")
    KELOMPOK = "kelompok", _("Kelompok orang")


class ObtainMethod(models.TextChoices):
    MELIHAT = "melihat", _("Melihat")
    MEMBACA = "membaca", _("Membaca")
    MENDENGARKAN = "mendengarkan", _("Mendengarkan")
    MENCATAT = "mencatat", _("Mencatat")
    SALINAN_CETAK = "salinan_cetak", _("Salinan cetak (hardcopy)")
    SALINAN_ELEKTRONIK = "salinan_elektronik", _("Salinan elektronik (softcopy)")


class DeliveryMethod(models.TextChoices):
    AMBIL_LANGSUNG = "ambil_langsung", _("Mengambil langsung")
    EMAIL = "email", _("Surel")
    POS = "pos", _("Pos")


class Status(models.TextChoices):
    DITERIMA = "diterima", _("Diterima")
    DIPROSES = "diproses", _("Diproses")
    DIPUTUS = "diputus", _("Diputus")
    SELESAI = "selesai", pgettext_lazy("status permohonan", "Selesai")


class Source(models.TextChoices):
    PORTAL = "portal", _("Portal")
    API = "api", _("API")
    ADMIN = "admin", _("Admin")
    ADUAN = "aduan", _("Dialihkan dari aduan")


class Decision(models.TextChoices):
    DIBERIKAN_SELURUHNYA = "diberikan_seluruhnya", _("Diberikan seluruhnya")
    DIBERIKAN_SEBAGIAN = "diberikan_sebagian", _("Diberikan sebagian")
    DITOLAK = "ditolak", _("Ditolak")
    TIDAK_DIKUASAI = "tidak_dikuasai", _("Tidak dikuasai")
    BELUM_DIDOKUMENTASIKAN = "belum_didokumentasikan", _("Belum didokumentasikan")


class ObjectionOutcome(models.TextChoices):
    DITERIMA = "diterima", _("Keberatan diterima")
    DITOLAK = "ditolak", _("Keberatan ditolak")


class DisputeOutcome(models.TextChoices):
    DIKABULKAN = "dikabulkan", _("Dikabulkan")
    DIKABULKAN_SEBAGIAN = "dikabulkan_sebagian", _("Dikabulkan sebagian")
    DITOLAK = "ditolak", _("Ditolak")
    MEDIASI = "mediasi", _("Selesai melalui mediasi")
    DICABUT = "dicabut", pgettext_lazy("putusan sengketa", "Dicabut")


class ActorRole(models.TextChoices):
    PEMOHON = "pemohon", _("Pemohon")
    PPID_UTAMA = "ppid_utama", _("PPID Utama")
    PPID_PELAKSANA = "ppid_pelaksana", _("PPID Pelaksana")
    ATASAN = "atasan", _("Atasan PPID")
    SISTEM = "sistem", _("Sistem")


class Action(models.TextChoices):
    SUBMITTED = "submitted", _("Permohonan diregistrasi")
    ASSIGNED = "assigned", _("Diteruskan ke OPD")
    EXTENDED = "extended", _("Waktu diperpanjang")
    DECIDED = "decided", _("Diputuskan")
    DOCUMENT_ADDED = "document_added", _("Dokumen ditambahkan")
    DOCUMENT_PROMOTED = "document_promoted", _("Dokumen dimasukkan ke DIP")
    OBJECTION_FILED = "objection_filed", _("Keberatan diajukan")
    OBJECTION_ANSWERED = "objection_answered", _("Keberatan dijawab")
    DISPUTE_RECORDED = "dispute_recorded", _("Sengketa dicatat")
    REMINDER = "reminder", _("Pengingat")
