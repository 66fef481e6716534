"""How the portal names each content type (``type_code`` of cms.content.models)."""

from django.utils.translation import gettext_lazy as _

TYPE_LABELS = {
    "rilis": _("Rilis berita"),
    "artikel": _("Artikel"),
    "pengumuman": _("Pengumuman"),
    "infografis": _("Infografis"),
    "video": _("Video"),
    "podcast": _("Siniar"),
    "dokumen": _("Dokumen"),
    "tindak-lanjut": _("Tindak lanjut aduan"),
}


def type_of(item) -> dict:
    """``{"code", "label"}`` of an item, specific or not (the content type is
    cached by Django, so a listing costs no query per card)."""
    code = getattr(item, "type_code", "") or item.specific_class.type_code
    return {"code": code, "label": TYPE_LABELS.get(code, code)}
