"""Complaints in the Wagtail admin."""

from wagtail import hooks

from .category_admin import CategoryViewSet


@hooks.register("register_admin_viewset")
def register_complaint_categories():
    return CategoryViewSet()


@hooks.register("register_admin_urls")
def register_complaints_admin_urls():
    from django.urls import include, path

    return [path("aduan/", include("cms.complaints.admin.urls"))]


@hooks.register("register_admin_menu_item")
def register_complaints_menu():
    from .admin.menu import complaints_menu_item

    return complaints_menu_item()
