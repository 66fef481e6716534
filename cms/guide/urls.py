from django.urls import path

from .views import GuidePageView

app_name = "guide"
urlpatterns = [
    path("", GuidePageView.as_view(), name="index"),
    # The slug converter refuses "." and "/"; the view also requires an existing file.
    path("<slug:slug>/", GuidePageView.as_view(), name="page"),
]
