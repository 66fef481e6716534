"""Portal routes outside the Wagtail page tree."""

from django.urls import path

from . import views

urlpatterns = [path("dip/", views.dip_province, name="dip-province")]
