"""OPD (agency) shapes: a summary for the list, the full profile for the detail."""

from urllib.parse import urlencode

from rest_framework import serializers

from cms.core.public_urls import page_public_url
from cms.opd.models import OPDPage

from .common import PLAIN_TEXT, APIURLField, PortalURLField
from .content import RichTextHTMLField
from .images import ImageField


class OPDSummarySerializer(serializers.ModelSerializer):
    slug = serializers.SlugField()
    name = serializers.CharField(source="title", help_text=PLAIN_TEXT)
    url = serializers.SerializerMethodField()
    api_url = APIURLField("opd-detail", lookup="slug")

    class Meta:
        model = OPDPage
        fields = ["id", "slug", "name", "short_name", "kind", "url", "api_url"]

    def get_url(self, obj) -> str:
        return page_public_url(obj, self.context.get("request"))


class LeaderSerializer(serializers.Serializer):
    name = serializers.CharField()
    position = serializers.CharField()
    photo = ImageField(alt_source="name")


class ContactSerializer(serializers.Serializer):
    address = serializers.CharField(allow_blank=True)
    phone = serializers.CharField(allow_blank=True)
    email = serializers.CharField(allow_blank=True)
    website = serializers.CharField(allow_blank=True)


class SocialLinkSerializer(serializers.Serializer):
    network = serializers.CharField(
        help_text="instagram, youtube, facebook, x, tiktok, lainnya"
    )
    url = serializers.CharField()


class PPIDSerializer(serializers.Serializer):
    """The OPD's PPID pelaksana (officer for public-information requests)."""

    name = serializers.CharField(source="ppid_name", allow_blank=True)
    email = serializers.CharField(source="ppid_email", allow_blank=True)
    phone = serializers.CharField(source="ppid_phone", allow_blank=True)


class OPDDetailSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField(source="title", help_text=PLAIN_TEXT)
    short_name = serializers.CharField()
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    url = PortalURLField()
    api_url = APIURLField("opd-detail", lookup="slug")
    logo = ImageField()
    profile = RichTextHTMLField()
    tupoksi = RichTextHTMLField(help_text="Tugas pokok dan fungsi (HTML).")
    leaders = LeaderSerializer(many=True, source="leaders.all")
    contact = ContactSerializer(source="*")
    social_links = serializers.SerializerMethodField()
    ppid = PPIDSerializer(source="*")
    content_url = serializers.SerializerMethodField()
    dip_url = APIURLField("opd-dip", lookup="slug", kwarg="slug")

    def get_social_links(self, obj) -> SocialLinkSerializer(many=True):
        return [
            {"network": link.value["network"], "url": link.value["url"]}
            for link in obj.social_links
        ]

    def get_content_url(self, obj) -> str:
        """The OPD's content items: the content list filtered by this OPD."""
        from .urls import api_url

        base = api_url("content-list", self.context.get("request"))
        return f"{base}?{urlencode({'opd': obj.slug})}"
