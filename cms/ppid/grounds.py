"""The grounds of an objection (keberatan), UU 14/2008 art. 35 ayat (1) a-g."""

from django.utils.translation import gettext_lazy as _

OBJECTION_GROUNDS = {
    "a": _(
        "Penolakan atas permintaan informasi berdasarkan alasan pengecualian (Pasal 17)"
    ),
    "b": _("Tidak disediakannya informasi berkala (Pasal 9)"),
    "c": _("Tidak ditanggapinya permintaan informasi"),
    "d": _("Permintaan informasi ditanggapi tidak sebagaimana yang diminta"),
    "e": _("Tidak dipenuhinya permintaan informasi"),
    "f": _("Pengenaan biaya yang tidak wajar"),
    "g": _("Penyampaian informasi yang melebihi waktu yang diatur dalam undang-undang"),
}
# Ground "a" contests a refusal: it needs a "ditolak" decision to contest.
REFUSAL_GROUND = "a"


def grounds_display(letters) -> list[str]:
    return [f"{letter}. {OBJECTION_GROUNDS[letter]}" for letter in letters]
