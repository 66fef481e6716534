"""Realistic portal content for the browser tests, published through the real
pipeline: pages in the tree, images on the S3 server, documents found by search.

Every publish commits (the tests are transactional), so the search outbox drains
after each commit (Celery is eager) into the test Elasticsearch index.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify
from wagtail.rich_text import RichText

from cms.content.models import (
    AnnouncementPage,
    ArticlePage,
    InfographicPage,
    PodcastPage,
    PublicationPage,
    VideoPage,
)
from cms.dip.models import DIPIndexPage
from cms.series.models import SeriesPage
from tests.factories import (
    DocumentFactory,
    ImageFactory,
    add_dip_entry,
    add_item,
    add_series,
    days_ago,
    make_opds,
    publish,
)

# Photos as a camera gives them: JPEG, 16:9, with detail for renditions and WebP.
PHOTO = {"width": 1200, "height": 675, "image_format": "JPEG", "stripes": True}

# Words the tests search for; each appears in items of more than one OPD.
QUERY = "stunting"
EXEMPT_SECRET = "Rincian isi rahasia yang tidak boleh tampil"
DRAFT_TITLE = "Rancangan stunting belum terbit"


@dataclass
class PortalData:
    opds: dict
    items: dict = field(default_factory=dict)
    series: SeriesPage | None = None
    dip: dict = field(default_factory=dict)
    draft: object = None
    urls: dict = field(default_factory=dict)


def _body(*paragraphs: str):
    return [("paragraph", RichText("".join(f"<p>{p}</p>" for p in paragraphs)))]


def build_portal() -> PortalData:
    """Three OPDs with a profile, seven content types (images on four), a series
    joined from two OPDs, DIP entries of every category (one exempted), a draft."""
    opds = make_opds()
    diskominfo, dinkes, bpbd = opds["diskominfo"], opds["dinkes"], opds["bpbd"]
    dinkes.profile = "<p>Dinas Kesehatan melayani kesehatan warga Banten.</p>"
    dinkes.tupoksi = "<p>Menyelenggarakan urusan pemerintahan bidang kesehatan.</p>"
    dinkes.address = "Jl. Syech Nawawi Al Bantani, Serang"
    dinkes.phone = "(0254) 267001"
    dinkes.email = "dinkes@bantenprov.go.id"
    publish(dinkes)

    data = PortalData(opds=opds)
    photo = ImageFactory(
        title="Kader posyandu menimbang balita",
        collection=dinkes.collection,
        colour=(0, 94, 132),
        **PHOTO,
    )
    flood = ImageFactory(
        title="Banjir di Pandeglang",
        collection=bpbd.collection,
        colour=(30, 60, 120),
        **PHOTO,
    )
    chart = ImageFactory(
        title="Infografis stunting",
        collection=dinkes.collection,
        colour=(200, 80, 40),
        **PHOTO,
    )
    cover = ImageFactory(
        title="Sampul seri",
        collection=diskominfo.collection,
        colour=(20, 120, 60),
        **PHOTO,
    )

    data.series = add_series(
        diskominfo,
        "Banten Bebas Stunting",
        slug="banten-bebas-stunting",
        description="<p>Seri lintas OPD tentang pencegahan stunting.</p>",
        cover_image=cover,
        cover_alt="Anak-anak bermain di halaman posyandu",
    )
    items = data.items
    items["rilis"] = add_item(
        dinkes,
        "Posyandu serentak cegah stunting di Kabupaten Serang",
        slug="posyandu-serentak-cegah-stunting",
        summary="Kader posyandu menimbang 12.000 balita dalam sepekan.",
        publish_date=days_ago(1),
        hero_image=photo,
        hero_alt="Kader posyandu menimbang seorang balita",
        body=_body(
            "Dinas Kesehatan Provinsi Banten menggelar posyandu serentak.",
            "Penimbangan balita membantu mendeteksi stunting sejak dini.",
        ),
        series=data.series,
        series_order=1,
    )
    items["rilis_bpbd"] = add_item(
        bpbd,
        "BPBD salurkan bantuan makanan bergizi cegah stunting pascabanjir",
        slug="bantuan-pascabanjir",
        summary="Bantuan untuk keluarga terdampak banjir di Pandeglang.",
        publish_date=days_ago(2),
        hero_image=flood,
        hero_alt="Relawan membagikan bantuan di lokasi banjir",
        body=_body("Makanan bergizi membantu mencegah stunting pada balita."),
        series=data.series,
        series_order=2,
    )
    items["artikel"] = add_item(
        diskominfo,
        "Mengenal layanan informasi publik PPID Banten",
        model=ArticlePage,
        slug="mengenal-ppid",
        summary="Cara meminta informasi publik ke PPID provinsi.",
        publish_date=days_ago(3),
        author_name="Siti Aminah",
        body=_body("Setiap warga berhak meminta informasi publik."),
    )
    items["pengumuman"] = add_item(
        dinkes,
        "Jadwal imunisasi dan pemantauan stunting bulan ini",
        model=AnnouncementPage,
        slug="jadwal-imunisasi",
        summary="Imunisasi dasar lengkap di puskesmas se-Banten.",
        publish_date=days_ago(4),
        event_start=timezone.now() + timedelta(days=7),
        location="Puskesmas Ciruas, Serang",
        body=_body("Bawa buku KIA saat datang ke puskesmas."),
    )
    items["infografis"] = add_item(
        dinkes,
        "Infografis angka stunting Banten 2024",
        model=InfographicPage,
        slug="infografis-stunting-2024",
        summary="Prevalensi stunting turun tiga persen.",
        publish_date=days_ago(5),
        hero_image=chart,
        hero_alt="Grafik batang prevalensi stunting per kabupaten",
        images=[
            (
                "image",
                {"image": chart, "alt_text": "Grafik batang", "decorative": False},
            )
        ],
        text_alternative="<p>Prevalensi stunting Banten turun tiga persen.</p>",
    )
    items["video"] = add_item(
        bpbd,
        "Video simulasi evakuasi banjir",
        model=VideoPage,
        slug="simulasi-evakuasi",
        summary="Langkah evakuasi saat banjir datang.",
        publish_date=days_ago(6),
        duration=timedelta(minutes=2, seconds=5),
        transcript="<p>Jauhi aliran sungai dan ikuti arahan petugas.</p>",
    )
    items["podcast"] = add_item(
        diskominfo,
        "Siniar Banten Terbuka: transformasi digital desa",
        model=PodcastPage,
        slug="siniar-transformasi-digital",
        summary="Obrolan tentang internet desa.",
        publish_date=days_ago(7),
        duration=timedelta(minutes=24),
        show_notes="<p>Narasumber: Kepala Bidang Aplikasi Informatika.</p>",
        transcript="<p>Selamat datang di siniar Banten Terbuka.</p>",
    )
    items["dokumen"] = add_item(
        dinkes,
        "Laporan kinerja Dinas Kesehatan 2024",
        model=PublicationPage,
        slug="laporan-kinerja-2024",
        summary="Laporan tahunan capaian program kesehatan.",
        publish_date=days_ago(8),
        document=DocumentFactory(
            title="Laporan kinerja 2024",
            collection=dinkes.collection,
            content=b"%PDF-1.4\n% uji\n",
        ),
    )
    data.draft = add_item(dinkes, DRAFT_TITLE, slug="rancangan-stunting", live=False)

    data.dip = _dip_entries(opds)
    data.urls = _urls(data)
    return data


def _urls(data: PortalData) -> dict[str, str]:
    """Relative URLs of the pages the tests visit, read once while building."""
    urls = {name: page.url for name, page in data.items.items()}
    urls |= {f"opd:{slug}": page.url for slug, page in data.opds.items()}
    urls |= {f"dip:{name}": page.url for name, page in data.dip.items()}
    urls["series"] = data.series.url
    urls["dip-index:dinkes"] = (
        DIPIndexPage.objects.child_of(data.opds["dinkes"]).get().url
    )
    return urls


def _dip_entries(opds) -> dict:
    def entry(opd, title, kategori, tahun, **fields):
        slug = slugify(title)[:80]
        return add_dip_entry(
            opd, title, kategori=kategori, tahun=tahun, slug=slug, **fields
        )

    dinkes, bpbd = opds["dinkes"], opds["bpbd"]
    return {
        "berkala_2024": entry(
            dinkes,
            "Profil kesehatan Provinsi Banten 2024",
            "berkala",
            2024,
            ringkasan="Data kesehatan tahunan.",
        ),
        "berkala_2023": entry(
            dinkes, "Profil kesehatan Provinsi Banten 2023", "berkala", 2023
        ),
        "setiap_saat": entry(
            dinkes, "Daftar puskesmas dan jam layanan", "setiap_saat", 2024
        ),
        "serta_merta": entry(
            bpbd, "Peringatan dini cuaca ekstrem", "serta_merta", 2024
        ),
        "dikecualikan": entry(
            bpbd,
            "Data pribadi penerima bantuan bencana",
            "dikecualikan",
            2024,
            ringkasan=EXEMPT_SECRET,
            dasar_hukum="Pasal 17 huruf h UU 14/2008",
        ),
    }
