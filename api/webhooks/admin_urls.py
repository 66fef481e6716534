"""Admin routes of webhooks, mounted under the Wagtail admin by ``wagtail_hooks``."""

from django.urls import path

from . import views

app_name = "api_webhooks"

urlpatterns = [
    path("", views.EndpointListView.as_view(), name="index"),
    path("add/", views.EndpointCreateView.as_view(), name="add"),
    path("<int:pk>/", views.EndpointEditView.as_view(), name="edit"),
    path(
        "<int:pk>/rotate-secret/",
        views.EndpointRotateSecretView.as_view(),
        name="rotate_secret",
    ),
    path("<int:pk>/delete/", views.EndpointDeleteView.as_view(), name="delete"),
    path("deliveries/", views.DeliveryListView.as_view(), name="deliveries"),
    path("deliveries/<int:pk>/", views.DeliveryDetailView.as_view(), name="delivery"),
    path(
        "deliveries/<int:pk>/redeliver/",
        views.DeliveryRedeliverView.as_view(),
        name="redeliver",
    ),
]
