from rest_framework import serializers

from cms.opd.models import OPDPage


class OPDSummarySerializer(serializers.ModelSerializer):
    slug = serializers.SlugField()
    name = serializers.CharField(source="title")
    url = serializers.SerializerMethodField()

    class Meta:
        model = OPDPage
        fields = ["id", "slug", "name", "short_name", "kind", "url"]

    def get_url(self, obj) -> str:
        return obj.get_full_url(self.context.get("request"))
