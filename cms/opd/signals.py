"""Thin receivers: hand off to services."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import post_page_move

from .models import OPDPage, ProvinceHomePage


@receiver(post_save, sender=OPDPage, dispatch_uid="opd_setup_on_create")
def setup_new_opd(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .services import opd_setup

        opd_setup(instance)


@receiver(post_save, sender=ProvinceHomePage, dispatch_uid="province_access_on_create")
def setup_province(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .access import province_access_ensure

        province_access_ensure(instance)


@receiver(post_page_move, dispatch_uid="opd_owner_follow_move")
def follow_move(sender, instance, **kwargs):
    from .services import opd_owner_refresh

    opd_owner_refresh(instance)
