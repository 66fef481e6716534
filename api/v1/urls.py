from django.urls import path

from api.v1.views.opd import OPDListView

urlpatterns = [path("opd/", OPDListView.as_view(), name="opd-list")]
