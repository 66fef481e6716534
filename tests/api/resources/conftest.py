import pytest
from django.test import Client


class CommittedClient(Client):
    """A test client for code inside the test's transaction.

    Publishing invalidates the API's server-side cache after commit, and a test's
    transaction never commits: so before each request, start a new content
    generation, as the commit of the changes made so far would have done.
    """

    def request(self, **request):
        from api.cache_invalidation import bump_content_generation

        bump_content_generation()
        return super().request(**request)


@pytest.fixture
def client():
    return CommittedClient()
