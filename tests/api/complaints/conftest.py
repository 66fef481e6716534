import pytest


@pytest.fixture
def category(opds):
    from tests.factories.complaints import add_category

    return add_category("Jalan rusak", slug="jalan-rusak", opd=opds["dinkes"])


@pytest.fixture
def report_rates(settings):
    """The API's budgets as configured, with small report limits."""

    def set_rates(**rates):
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {
                **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
                **rates,
            },
        }

    return set_rates
