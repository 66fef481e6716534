"""Written-together compounds: a derived form is analysed as the compound's words,
exactly as the words written apart; other words are never split."""

import pytest

from search.language.analysis import analyze, analyze_query
from search.language.compounds import compound_forms


@pytest.mark.parametrize(
    ("word", "phrase"),
    [
        # the five
        ("pertanggungjawaban", "tanggung jawab"),
        ("pemberitahuan", "beri tahu"),
        ("keanekaragaman", "aneka ragam"),
        ("diikutsertakan", "ikut serta"),
        ("dilipatgandakan", "lipat ganda"),
        # our own: nasal changes of meN-/peN- (t -> n, s -> ny, p -> m, k -> ng)
        ("menandatangani", "tanda tangan"),
        ("penandatanganan", "tanda tangan"),
        ("penyebarluasan", "sebar luas"),
        ("penyalahgunaan", "salah guna"),
        ("pemindahtanganan", "pindah tangan"),
        ("menindaklanjuti", "tindak lanjut"),
        ("pengambilalihan", "ambil alih"),
        ("mengalihfungsikan", "alih fungsi"),
        ("pendayagunaan", "daya guna"),
        ("penatalaksanaan", "tata laksana"),
        # memper-/diper-, ke-an, ber-, suffix pairs
        ("mempertanggungjawabkan", "tanggung jawab"),
        ("diperjualbelikan", "jual beli"),
        ("kesalahpahaman", "salah paham"),
        ("ketatausahaan", "tata usaha"),
        ("keikutsertaannya", "ikut serta"),
        ("bertanggungjawab", "tanggung jawab"),
        ("diserahterimakan", "serah terima"),
        ("diujicobakan", "uji coba"),
        ("menggarisbawahi", "garis bawah"),
        ("dikambinghitamkan", "kambing hitam"),
        # the joined base typed as one word
        ("tanggungjawab", "tanggung jawab"),
        ("ujicoba", "uji coba"),
    ],
)
def test_a_derived_compound_is_analysed_as_its_words(word, phrase):
    assert analyze(word) == analyze(phrase)
    assert len(analyze(word).split()) >= 1


def test_the_parts_are_stemmed_like_words_written_apart():
    # "sama" is a stop word: kerja sama and kerjasama both leave "kerja".
    assert analyze("bekerjasama") == analyze("bekerja sama") == "kerja"
    assert analyze("Laporan Pertanggungjawaban Bupati") == "lapor tanggung jawab bupati"


@pytest.mark.parametrize(
    "word",
    [
        # single words in KBBI that look like two: never split
        *("matahari", "kacamata", "olahraga", "sukarela", "belasungkawa"),
        *("pascasarjana", "saputangan", "bumiputra", "segitiga", "kosakata"),
        # words that contain a part of a compound without being one
        *("pertanggung", "memberi", "tanggungan", "penjualan", "pembelian"),
        *("keterangan", "pemerintahan", "kerjakan", "perhatian", "kasihan"),
    ],
)
def test_other_words_are_not_split(word):
    assert len(analyze(word).split()) == 1, analyze(word)


def test_a_query_with_the_derived_form_meets_the_phrase():
    assert analyze_query("pemberitahuan").stemmed == analyze("beri tahu")
    assert analyze_query("tanda tangan").stemmed == analyze("ditandatangani")


def test_the_dictionary_is_large_and_only_pairs():
    forms = compound_forms()
    compounds = set(forms.values())
    assert len(compounds) >= 40
    assert all(len(parts) == 2 for parts in compounds)
