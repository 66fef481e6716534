"""normalize(): the text both sides agree on before stop words and stemming."""

import pytest

from search.language.analysis import analyze, normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Café résumé NAÏVE", "cafe resume naive"),
        ("Ｆｕｌｌ ｗｉｄｔｈ ²", "full width 2"),  # NFKD compatibility forms
        ("<p>Warga <b>Banten</b></p>", "warga banten"),
        ("<script>alert('x')</script>Berita", "berita"),
        ("Kopi &amp; teh&nbsp;Banten", "kopi teh banten"),
        ("Apa kabar? (Baik!) -- ya; ok/siap", "apa kabar baik ya ok siap"),
        ("Jum'at, Qur’an", "jumat quran"),
        ("", ""),
        (None, ""),
    ],
)
def test_normalize_folds_case_accents_html_and_punctuation(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UU 14/2008 pasal 22", "uu 14 2008 pasal 22"),
        ("Rp1.500.000 dan 2,5 persen", "rp 1500000 dan 2 5 persen"),
        ("17.08.1945", "17 08 1945"),  # dates are not thousands
        ("COVID-19 DP3AKKB SP4N-LAPOR", "covid 19 dp3akkb sp4n lapor"),
    ],
)
def test_numbers_are_kept(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("anak-anak", "anak"),
        ("Ibu-ibu PKK", "ibu pkk"),
        ("sehari-hari", "sehari"),
        ("anak-anaknya", "anaknya"),
        ("sebaik-baiknya", "sebaiknya"),
        ("perundang-undangan", "perundangan"),
        ("Undang-Undang", "undang"),
        ("undang undang", "undang"),  # typed without the hyphen
        ("e-KTP e-Pormas", "ektp epormas"),
        ("bolak-balik", "bolak balik"),
        ("rsud-banten", "rsud banten"),  # slugs become words
    ],
)
def test_reduplication(text, expected):
    assert normalize(text) == expected


def test_reduplicated_words_reach_their_root():
    assert analyze("anak-anak") == "anak"
    assert analyze("sehari-hari") == "hari"
    assert analyze("perundang-undangan") == "undang"
    assert analyze("sebaik-baiknya") == "baik"
