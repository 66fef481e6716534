"""DIP (Daftar Informasi Publik) shapes.

An exempted (*dikecualikan*) entry shows only the fact of the exemption: title,
legal basis and period; never its summary, body or documents. The schema says so:
the two kinds are separate shapes, told apart by ``kategori``.
"""

from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from cms.dip.models import Kategori

from .common import PLAIN_TEXT, OPDRefSerializer, PortalURLField
from .content import RichTextHTMLField
from .documents import DocumentSerializer, document_data
from .images import visibility_of

OPEN_KATEGORI = [k.value for k in Kategori if k != Kategori.DIKECUALIKAN]


@extend_schema_field(DocumentSerializer(many=True))
class ListedDocumentsField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, entry):
        # Links prefetched by the listing; never a document another (exempted)
        # entry withholds.
        public = visibility_of(self.context).documents_of(entry, entry.documents.all())
        return [document_data(document, self.context) for document in public]


@extend_schema_field({"type": "string", "enum": OPEN_KATEGORI})
class OpenKategoriField(serializers.CharField):
    pass


@extend_schema_field({"type": "string", "enum": [Kategori.DIKECUALIKAN.value]})
class ExemptKategoriField(serializers.CharField):
    pass


class DIPEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField(help_text=PLAIN_TEXT)
    url = PortalURLField()
    opd = OPDRefSerializer(allow_null=True)
    kategori = OpenKategoriField()
    nomor = serializers.CharField(allow_blank=True)
    tahun = serializers.IntegerField(allow_null=True)
    ringkasan = serializers.CharField(allow_blank=True, help_text=PLAIN_TEXT)
    pejabat_penguasa = serializers.CharField(allow_blank=True)
    penanggung_jawab = serializers.CharField(allow_blank=True)
    waktu_pembuatan = serializers.CharField(allow_blank=True)
    tempat_pembuatan = serializers.CharField(allow_blank=True)
    bentuk = serializers.CharField()
    retensi = serializers.CharField(allow_blank=True)
    keterangan = RichTextHTMLField()
    documents = ListedDocumentsField()


class DIPExemptedEntrySerializer(serializers.Serializer):
    """Only what the law makes public about an exempted entry."""

    id = serializers.IntegerField()
    title = serializers.CharField(help_text=PLAIN_TEXT)
    opd = OPDRefSerializer(allow_null=True)
    kategori = ExemptKategoriField()
    dasar_hukum = serializers.CharField(help_text="Dasar hukum pengecualian.")
    dikecualikan_sampai = serializers.DateField(allow_null=True)


def dip_entry_data(entry, context) -> dict:
    serializer = DIPExemptedEntrySerializer if entry.is_exempted else DIPEntrySerializer
    return serializer(entry, context=context).data


@extend_schema_field(
    PolymorphicProxySerializer(
        component_name="DIPListedEntry",
        serializers=[DIPEntrySerializer, DIPExemptedEntrySerializer],
        resource_type_field_name=None,
        many=True,
    )
)
class DIPEntriesField(serializers.Field):
    def to_representation(self, entries):
        return [dip_entry_data(entry, self.context) for entry in entries]


class DIPGroupSerializer(serializers.Serializer):
    kategori = serializers.ChoiceField(choices=Kategori.choices)
    heading = serializers.CharField()
    entries = DIPEntriesField()


class DIPSerializer(serializers.Serializer):
    opd = OPDRefSerializer(allow_null=True, help_text="Null untuk DIP se-provinsi.")
    groups = DIPGroupSerializer(many=True)
    years = serializers.ListField(
        child=serializers.IntegerField(), help_text="Tahun yang tersedia (filter)."
    )
