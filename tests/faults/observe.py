"""What the fault scenarios look at, read straight from the private services: the
outbox in PostgreSQL, documents in Elasticsearch, keys in Redis, and an admin
session through the real login form."""

import psycopg
import requests

INDEX_PREFIX = "sipf"
ADMIN = ("faults-admin", "faults-admin-password-1")
# Rows a drain has claimed and not finished: their lease runs ahead of now (a retry
# after a failure also does, but then attempts > 0).
LEASED_SQL = (
    "SELECT count(*) FROM public_search_searchoutbox"
    " WHERE available_at > now() + interval '2 seconds' AND attempts = 0"
)


class Observations:
    """Mixed into ``FaultSet``, which provides ``env``, ``ports``, ``es_url`` and
    ``base_url``."""

    def sql(self, query: str, params=()) -> list[tuple]:
        with psycopg.connect(self.env["DATABASE_URL"], connect_timeout=3) as conn:
            return conn.execute(query, params).fetchall()

    def outbox_size(self) -> int:
        return self.sql("SELECT count(*) FROM public_search_searchoutbox")[0][0]

    def searchable(self, marker: str) -> int:
        """Documents in the public alias whose title holds ``marker``."""
        response = requests.get(
            f"{self.es_url}/{INDEX_PREFIX}-public/_count",
            params={"q": f"title:{marker}"},
            timeout=5,
        )
        response.raise_for_status()
        return response.json()["count"]

    def es_refresh(self) -> None:
        requests.post(f"{self.es_url}/{INDEX_PREFIX}-public/_refresh", timeout=10)

    def redis_info(self, section: str = "stats") -> dict:
        import redis

        client = redis.Redis(port=self.ports["REDIS"], socket_timeout=2)
        return client.info(section)

    def cache_keys(self) -> int:
        import redis

        return redis.Redis(port=self.ports["REDIS"], db=2, socket_timeout=2).dbsize()

    def login(self) -> requests.Session:
        """An admin session through the real login form (CSRF included)."""
        session = requests.Session()
        url = f"{self.base_url}/admin/login/"
        session.get(url, timeout=10).raise_for_status()
        response = session.post(
            url,
            data={
                "username": ADMIN[0],
                "password": ADMIN[1],
                "csrfmiddlewaretoken": session.cookies.get("csrftoken", ""),
                "next": "/admin/",
            },
            headers={"Referer": url},
            timeout=10,
        )
        response.raise_for_status()
        return session
