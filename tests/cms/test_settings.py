"""Language and time zone of every setting module. (What production refuses is in
tests/security/test_production_settings.py.)"""


def test_language_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "id"
    assert settings.TIME_ZONE == "Asia/Jakarta"
    assert "en" in dict(settings.LANGUAGES)
