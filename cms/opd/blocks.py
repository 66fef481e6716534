from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(
        choices=[
            ("instagram", "Instagram"),
            ("youtube", "YouTube"),
            ("facebook", "Facebook"),
            ("x", "X"),
            ("tiktok", "TikTok"),
            ("lainnya", _("Lainnya")),
        ],
        label=_("jaringan"),
    )
    url = blocks.URLBlock(label=_("alamat"))

    class Meta:
        icon = "link"
        label = _("tautan media sosial")
