"""Realistic Indonesian text for the benchmarks, with a Zipf-like word frequency.

The vocabulary (``VOCABULARY``, over 5,000 distinct real words, most frequent first):

1. common function words, in rough order of frequency;
2. government and public-service terms;
3. derived forms of common roots, built with the real affixes (meN-, di-, peN-...-an,
   ke-...-an, ber-, ter-, -kan, -i, -an, -nya) and their sound changes (tulis ->
   menulis, kirim -> pengiriman, sapu -> menyapu, kerja -> bekerja);
4. a long tail of roots from Sastrawi's dictionary of Indonesian root words (kata
   dasar), the package the search's stemmer already uses.

Groups 2 and 3 are shuffled together with a fixed seed, so the frequency of a content
word does not follow its alphabet. Word ``r`` (1-based rank) is drawn with weight
``1 / (r + ZIPF_Q)**ZIPF_S``: a few words are in most documents, most words in a
few, as in real text, so common-word and rare-word queries both exist.

Every function takes a seeded ``random.Random``, so the same seed gives the same text::

    rng = random.Random(14)
    title(rng)                # 4-9 capitalised words, e.g. 'Penyaluran Bansos Desa'
    paragraph(rng, words=80)  # 80 words in sentences, with commas and full stops
    queries(1000, seed=15)    # 1,000 distinct search queries of 1-3 content words
"""

import bisect
import itertools
import random
from functools import cache
from importlib import resources

ZIPF_S = 1.0
ZIPF_Q = 2.7  # Zipf-Mandelbrot offset: "yang" about 4% of words, as in news text
TAIL_SIZE = 4000  # Sastrawi roots appended after the curated words

_FUNCTION = """yang dan di ini dengan untuk dari dalam itu tidak akan pada juga ke
karena tersebut bisa ada oleh adalah sudah saat telah atau kami kita mereka bahwa lebih
para serta hingga agar namun masih sebagai seperti setelah bagi antara harus dapat
secara menjadi sehingga yaitu maupun terhadap melalui sejak sebelum selama tentang
kepada bersama akan sangat hanya pun lagi belum sedang baik dia beliau kini nanti
sekitar bahkan apabila jika ketika sementara selain antara lain tiap setiap semua
seluruh beberapa berbagai banyak sejumlah sekaligus pula tetap justru terutama
khususnya misalnya begitu demikian pernah perlu ingin mau boleh tentu segera hampir
sekali paling cukup atas bawah depan belakang luar"""

_GOVERNMENT = """pemerintah provinsi banten kabupaten kota kecamatan kelurahan desa
dinas badan bidang seksi bupati walikota gubernur wakil sekretaris daerah dprd perda
pergub anggaran apbd apbn program kegiatan layanan publik masyarakat warga penduduk
kesehatan pendidikan sekolah puskesmas rumah sakit posyandu stunting gizi ibu anak
balita jalan jembatan irigasi banjir bencana bpbd ppid informasi dokumen regulasi
peraturan undang keputusan surat edaran instruksi rapat forum musrenbang rencana
strategis rpjmd renstra laporan kinerja akuntabilitas inspektorat bappeda bapenda
pajak retribusi kendaraan bermotor samsat investasi umkm koperasi pasar harga pangan
beras cabai pertanian perikanan peternakan nelayan petani pariwisata budaya pemuda
olahraga perempuan disabilitas lansia kemiskinan bansos pkh bpjs jaminan sosial
kependudukan ktp dukcapil akta kelahiran perizinan izin dpmptsp lingkungan sampah
limbah sungai air bersih sanitasi listrik energi transportasi angkutan terminal
pelabuhan bandara tol perumahan permukiman tata ruang pertanahan sertifikat aset
barang jasa pengadaan tender lelang kontrak vendor aparatur asn pns pppk honorer
pegawai jabatan mutasi promosi diklat kompetensi reformasi birokrasi spbe digital
aplikasi sistem data statistik survei indeks capaian target realisasi serapan triwulan
semester tahunan pengaduan aduan lapor keluhan saran kritik transparansi
keterbukaan integritas korupsi gratifikasi pengawasan audit bpk temuan rekomendasi
pandemi vaksinasi imunisasi demam berdarah tuberkulosis malaria klinik dokter bidan
perawat obat rujukan guru siswa murid beasiswa sma smk slb madrasah kurikulum
literasi perpustakaan arsip kearsipan museum cagar serang cilegon tangerang pandeglang
lebak selatan utara barat timur tengah"""

# (root, class): v = verb, n = noun, a = adjective
_ROOTS = """bangun:v kelola:v laksana:v layan:v bantu:v bina:v kembang:v ajar:v latih:v
periksa:v tangan:v atur:v susun:v tetap:v ubah:v guna:v kirim:v terima:v buka:v tutup:v
tulis:v baca:v hitung:v nilai:v ukur:v catat:v daftar:v lapor:v usul:v putus:v pilih:v
tanam:v jual:v beli:v bayar:v pungut:v sewa:v pinjam:v simpan:v salur:v sebar:v
kumpul:v bagi:v tambah:v tingkat:v capai:v lindung:v awas:v jaga:v rawat:v didik:v
sedia:v siap:v rencana:v dukung:v dorong:v ikut:v hadir:v temu:v cari:v dapat:v
minta:v beri:v kerja:v pakai:v olah:v jelas:v umum:v tanda:v sah:v serah:v
tolak:v setuju:v pantau:v tindak:v selesai:v proses:v angkut:v bersih:v baik:a
pelihara:v bentuk:v tentu:v pindah:v tanggung:v urus:v dengar:v lihat:v kenal:v
cegah:v tangkap:v hukum:v adil:v muat:v isi:v ambil:v tunjuk:v gerak:v jalan:v
pasang:v potong:v ganti:v tukar:v hubung:v sambung:v timbang:v sampai:v kata:v
tanya:v jawab:v bahas:v ikat:v tarik:v tekan:v pecah:v hasil:v satu:v
sehat:a aman:a adil:a miskin:a sejahtera:a indah:a mudah:a cepat:a tepat:a baru:a
besar:a kecil:a kuat:a lemah:a murah:a mahal:a terbuka:a bersih:a nyaman:a tertib:a
lancar:a rusak:a penting:a benar:a salah:a sulit:a jauh:a dekat:a luas:a tinggi:a
rendah:a panjang:a pendek:a sama:a beda:a cukup:a lengkap:a utama:a khusus:a resmi:a
usaha:n dasar:n modal:n biaya:n dana:n hak:n wajib:n tugas:n fungsi:n peran:n
wilayah:n lokasi:n tempat:n waktu:n jadwal:n acara:n hasil:n nilai:n jumlah:n
kualitas:n mutu:n standar:n syarat:n bukti:n berkas:n naskah:n pesan:n kabar:n
berita:n cerita:n harga:n uang:n rumah:n kantor:n gedung:n ruang:n lahan:n tanah:n
hutan:n kebun:n sawah:n ladang:n ternak:n ikan:n laut:n pantai:n gunung:n pulau:n
batas:n arah:n pola:n cara:n langkah:n tahap:n tujuan:n sasaran:n manfaat:n akibat:n
sebab:n masalah:n solusi:n upaya:n prestasi:n juara:n lomba:n festival:n pameran:n
"""
FUNCTION_WORDS = _FUNCTION.split()
GOVERNMENT_TERMS = _GOVERNMENT.split()
ROOTS = _ROOTS.split()

_PREFIX_N = {  # meN-/peN- allomorph by first letter; True: the letter drops
    "b": ("m", False),
    "f": ("m", False),
    "v": ("m", False),
    "p": ("m", True),
    "d": ("n", False),
    "c": ("n", False),
    "j": ("n", False),
    "z": ("n", False),
    "t": ("n", True),
    "s": ("ny", True),
    "g": ("ng", False),
    "h": ("ng", False),
    "k": ("ng", True),
}


def nasal(prefix: str, root: str) -> str:
    """``me``/``pe`` + root with the nasal sound change: tulis -> menulis."""
    first = root[0]
    if first in "aiueo":
        return f"{prefix}ng{root}"
    if first in "lmnrwy" or root.startswith(("ng", "ny")) or first not in _PREFIX_N:
        return prefix + root
    nasal_, drops = _PREFIX_N[first]
    if drops and len(root) > 2 and root[1] not in "aiueo":  # a cluster keeps it
        drops = False
    return prefix + nasal_ + (root[1:] if drops else root)


def ber(root: str) -> str:
    """``ber`` + root: usaha -> berusaha, kerja -> bekerja, ajar -> belajar."""
    if root == "ajar":
        return "belajar"
    if root[0] == "r" or root[1:3] == "er":
        return "be" + root
    return "ber" + root


def derived(root: str, kind: str) -> list[str]:
    """The usual derived forms of one root of a class (``v``, ``a`` or ``n``)."""
    if kind == "v":
        me, pe = nasal("me", root), nasal("pe", root)
        return [
            root,
            me,
            me + "kan",
            me + ("" if root.endswith("i") else "i"),
            "di" + root,
            "di" + root + "kan",
            pe + "an",
            pe,
            root + "an",
            "ter" + root,
        ]
    if kind == "a":
        return [root, f"ke{root}an", nasal("me", root) + "kan", "ter" + root]
    return [root, root + "nya", ber(root), root + "an", f"per{root}an"]


def _tail(have: set[str], size: int) -> list[str]:
    text = resources.files("Sastrawi").joinpath("Stemmer/data/kata-dasar.txt")
    words = [
        w
        for w in text.read_text(encoding="utf-8").split()
        if w.isalpha() and w.isascii() and 4 <= len(w) <= 12 and w not in have
    ]
    return random.Random(5000).sample(words, size)


@cache
def vocabulary() -> tuple[str, ...]:
    """All the words, most frequent first (see the module docstring)."""
    content = list(GOVERNMENT_TERMS)
    for pair in ROOTS:
        root, kind = pair.split(":")
        content.extend(derived(root, kind))
    content = list(dict.fromkeys(w for w in content if w not in FUNCTION_WORDS))
    random.Random(15).shuffle(content)
    words = list(dict.fromkeys(FUNCTION_WORDS)) + content
    return tuple(words + _tail(set(words), TAIL_SIZE))


@cache
def _cumulative(start: int) -> list[float]:
    weights = (
        1 / (r + ZIPF_Q) ** ZIPF_S for r in range(1, len(vocabulary()) - start + 1)
    )
    return list(itertools.accumulate(weights))


def word(rng: random.Random, content_only: bool = False) -> str:
    """One word drawn with the Zipf frequency (``content_only``: no function words,
    the content words keeping their relative frequency)."""
    start = len(FUNCTION_WORDS) if content_only else 0
    cum = _cumulative(start)
    return vocabulary()[start + bisect.bisect(cum, rng.random() * cum[-1])]


def sentence(rng: random.Random, words: int = 12) -> str:
    """``words`` words, capitalised, an occasional comma, ending in a full stop."""
    drawn = [word(rng) for _ in range(max(1, words))]
    for i in range(3, len(drawn) - 2):
        if rng.random() < 0.06:
            drawn[i] += ","
    return " ".join(drawn).capitalize() + "."


def paragraph(rng: random.Random, words: int = 80) -> str:
    """About ``words`` words in sentences of 8-18 words."""
    sentences, left = [], words
    while left > 0:
        n = min(left, rng.randint(8, 18))
        sentences.append(sentence(rng, n))
        left -= n
    return " ".join(sentences)


def title(rng: random.Random) -> str:
    """A headline of 4-9 words, title case, mostly content words."""
    n = rng.randint(4, 9)
    drawn = [
        word(rng) if 0 < i < n - 1 and rng.random() < 0.15 else word(rng, True)
        for i in range(n)
    ]
    return " ".join(w if w in FUNCTION_WORDS else w.capitalize() for w in drawn)


def query(rng: random.Random) -> str:
    """A search query: 1-3 distinct content words (half are one word)."""
    n = rng.choices((1, 2, 3), weights=(5, 3, 2))[0]
    drawn = dict.fromkeys(word(rng, True) for _ in range(n))
    return " ".join(drawn)


def queries(count: int, seed: int = 15) -> list[str]:
    """``count`` distinct queries (see ``query``), the same for the same seed."""
    rng, found = random.Random(seed), {}
    while len(found) < count:
        found.setdefault(query(rng), None)
    return list(found)
