"""Accessibility requirements checked before an item goes to review or goes live.

Drafts may be incomplete; submitting, approving or publishing may not. The rules read
values through ``get(field_name)`` so the same rules serve the admin form (cleaned data)
and services working on a page object (the serta merta fast path).
"""

from collections.abc import Callable

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

Problem = tuple[str, str]  # (field name, message for the editor)
Getter = Callable[[str], object]


def _blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not strip_tags(value).strip()
    try:
        return len(value) == 0
    except TypeError:
        return False


def _hero(get: Getter) -> list[Problem]:
    if get("hero_image") and _blank(get("hero_alt")):
        return [("hero_alt", _("Gambar utama wajib memiliki teks alternatif."))]
    return []


def _infographic(get: Getter) -> list[Problem]:
    problems = []
    if _blank(get("images")):
        problems.append(("images", _("Infografis belum memiliki gambar.")))
    if _blank(get("text_alternative")):
        problems.append(
            (
                "text_alternative",
                _(
                    "Infografis wajib memiliki teks alternatif lengkap agar terbaca "
                    "oleh pembaca layar dan mesin pencari."
                ),
            )
        )
    return problems


def _video(get: Getter) -> list[Problem]:
    problems = []
    if not get("video_file") and _blank(get("embed_url")):
        problems.append(
            ("embed_url", _("Pilih berkas video atau isi tautan YouTube/Instagram."))
        )
    if not get("captions_file") and _blank(get("transcript")):
        problems.append(
            (
                "transcript",
                _("Video wajib memiliki takarir (berkas WebVTT) atau transkrip."),
            )
        )
    return problems


def _podcast(get: Getter) -> list[Problem]:
    problems = []
    if not get("audio_file"):
        problems.append(("audio_file", _("Siniar belum memiliki berkas audio.")))
    if _blank(get("transcript")):
        problems.append(("transcript", _("Siniar wajib memiliki transkrip.")))
    return problems


_RULES_BY_TYPE = {
    "infografis": [_hero, _infographic],
    "video": [_hero, _video],
    "podcast": [_hero, _podcast],
}


def accessibility_problems(model, get: Getter) -> list[Problem]:
    rules = _RULES_BY_TYPE.get(getattr(model, "type_code", ""), [_hero])
    return [problem for rule in rules for problem in rule(get)]


def page_accessibility_problems(page) -> list[Problem]:
    return accessibility_problems(type(page), lambda name: getattr(page, name, None))
