import pytest


@pytest.fixture
def category(opds):
    from tests.factories.complaints import add_category

    return add_category(
        "Jalan rusak", slug="jalan-rusak", opd=opds["dinkes"], description="Lubang"
    )
