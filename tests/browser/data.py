"""Realistic portal content for the browser tests, published through the real
pipeline: pages in the tree, images on the S3 server, documents found by search.

Every publish commits (the tests are transactional), so the search outbox drains
after each commit (Celery is eager) into the test Elasticsearch index.
"""

import io
import itertools
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from cms.content.models import (
    AnnouncementPage,
    ArticlePage,
    InfographicPage,
    NewsPage,
    PodcastPage,
    PublicationPage,
    VideoPage,
)
from cms.dip.models import DIPEntryPage, DIPIndexPage
from cms.series.models import SeriesPage

_serial = itertools.count(1)

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


def make_image(title: str, collection, colour=(0, 94, 132), size=(1200, 675)):
    """A real JPEG with a little drawing (so renditions and WebP have work to do)."""
    picture = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    for step in range(0, size[0], 60):
        draw.line([(step, 0), (size[0] - step, size[1])], fill=(240, 200, 40), width=6)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    image = get_image_model()(
        title=title,
        file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"foto{next(_serial)}.jpg"),
        collection=collection,
    )
    image.save()
    return image


def make_document(title: str, collection, *, name="dokumen.pdf", content=None):
    document = get_document_model()(
        title=title,
        file=ContentFile(content or b"%PDF-1.4\n% uji\n", name=name),
        collection=collection,
    )
    document.save()
    return document


def publish(parent, page):
    """Add ``page`` under ``parent`` as a draft, then publish it (one commit each)."""
    page.slug = page.slug or slugify(page.title)[:80]
    page.live = False
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _body(*paragraphs: str):
    return [("paragraph", RichText("".join(f"<p>{p}</p>" for p in paragraphs)))]


def _days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def make_opds() -> dict:
    """The province home and three OPD pages (as the ``opds`` fixture makes them)."""
    from cms.opd.models import OPDPage
    from cms.opd.services import province_home_ensure

    home = province_home_ensure()
    opds = {}
    for slug, name in [
        ("diskominfo", "Dinas Komunikasi, Informatika, Statistik dan Persandian"),
        ("dinkes", "Dinas Kesehatan"),
        ("bpbd", "Badan Penanggulangan Bencana Daerah"),
    ]:
        opds[slug] = home.add_child(
            instance=OPDPage(
                title=name, slug=slug, short_name=slug.upper(), kind="dinas"
            )
        )
    return opds


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
    dinkes.save_revision().publish()

    data = PortalData(opds=opds)
    photo = make_image("Kader posyandu menimbang balita", dinkes.collection)
    flood = make_image("Banjir di Pandeglang", bpbd.collection, colour=(30, 60, 120))
    chart = make_image("Infografis stunting", dinkes.collection, colour=(200, 80, 40))
    cover = make_image("Sampul seri", diskominfo.collection, colour=(20, 120, 60))

    data.series = publish(
        diskominfo,
        SeriesPage(
            title="Banten Bebas Stunting",
            slug="banten-bebas-stunting",
            description="<p>Seri lintas OPD tentang pencegahan stunting.</p>",
            cover_image=cover,
            cover_alt="Anak-anak bermain di halaman posyandu",
        ),
    )
    items = data.items
    items["rilis"] = publish(
        dinkes,
        NewsPage(
            title="Posyandu serentak cegah stunting di Kabupaten Serang",
            slug="posyandu-serentak-cegah-stunting",
            summary="Kader posyandu menimbang 12.000 balita dalam sepekan.",
            publish_date=_days_ago(1),
            hero_image=photo,
            hero_alt="Kader posyandu menimbang seorang balita",
            body=_body(
                "Dinas Kesehatan Provinsi Banten menggelar posyandu serentak.",
                "Penimbangan balita membantu mendeteksi stunting sejak dini.",
            ),
            series=data.series,
            series_order=1,
        ),
    )
    items["rilis_bpbd"] = publish(
        bpbd,
        NewsPage(
            title="BPBD salurkan bantuan makanan bergizi cegah stunting pascabanjir",
            slug="bantuan-pascabanjir",
            summary="Bantuan untuk keluarga terdampak banjir di Pandeglang.",
            publish_date=_days_ago(2),
            hero_image=flood,
            hero_alt="Relawan membagikan bantuan di lokasi banjir",
            body=_body("Makanan bergizi membantu mencegah stunting pada balita."),
            series=data.series,
            series_order=2,
        ),
    )
    items["artikel"] = publish(
        diskominfo,
        ArticlePage(
            title="Mengenal layanan informasi publik PPID Banten",
            slug="mengenal-ppid",
            summary="Cara meminta informasi publik ke PPID provinsi.",
            publish_date=_days_ago(3),
            author_name="Siti Aminah",
            body=_body("Setiap warga berhak meminta informasi publik."),
        ),
    )
    items["pengumuman"] = publish(
        dinkes,
        AnnouncementPage(
            title="Jadwal imunisasi dan pemantauan stunting bulan ini",
            slug="jadwal-imunisasi",
            summary="Imunisasi dasar lengkap di puskesmas se-Banten.",
            publish_date=_days_ago(4),
            event_start=timezone.now() + timedelta(days=7),
            location="Puskesmas Ciruas, Serang",
            body=_body("Bawa buku KIA saat datang ke puskesmas."),
        ),
    )
    items["infografis"] = publish(
        dinkes,
        InfographicPage(
            title="Infografis angka stunting Banten 2024",
            slug="infografis-stunting-2024",
            summary="Prevalensi stunting turun tiga persen.",
            publish_date=_days_ago(5),
            hero_image=chart,
            hero_alt="Grafik batang prevalensi stunting per kabupaten",
            images=[
                (
                    "image",
                    {"image": chart, "alt_text": "Grafik batang", "decorative": False},
                )
            ],
            text_alternative="<p>Prevalensi stunting Banten turun tiga persen.</p>",
        ),
    )
    items["video"] = publish(
        bpbd,
        VideoPage(
            title="Video simulasi evakuasi banjir",
            slug="simulasi-evakuasi",
            summary="Langkah evakuasi saat banjir datang.",
            publish_date=_days_ago(6),
            duration=timedelta(minutes=2, seconds=5),
            transcript="<p>Jauhi aliran sungai dan ikuti arahan petugas.</p>",
        ),
    )
    items["podcast"] = publish(
        diskominfo,
        PodcastPage(
            title="Siniar Banten Terbuka: transformasi digital desa",
            slug="siniar-transformasi-digital",
            summary="Obrolan tentang internet desa.",
            publish_date=_days_ago(7),
            duration=timedelta(minutes=24),
            show_notes="<p>Narasumber: Kepala Bidang Aplikasi Informatika.</p>",
            transcript="<p>Selamat datang di siniar Banten Terbuka.</p>",
        ),
    )
    items["dokumen"] = publish(
        dinkes,
        PublicationPage(
            title="Laporan kinerja Dinas Kesehatan 2024",
            slug="laporan-kinerja-2024",
            summary="Laporan tahunan capaian program kesehatan.",
            publish_date=_days_ago(8),
            document=make_document("Laporan kinerja 2024", dinkes.collection),
        ),
    )
    data.draft = dinkes.add_child(
        instance=NewsPage(title=DRAFT_TITLE, slug="rancangan-stunting", live=False)
    )
    data.draft.save_revision()

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
        index = DIPIndexPage.objects.child_of(opd).get()
        return publish(
            index,
            DIPEntryPage(title=title, kategori=kategori, tahun=tahun, **fields),
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
