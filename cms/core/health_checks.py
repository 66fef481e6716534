"""Readiness checks of the dependencies cms itself uses (cms/core/health.py):
PostgreSQL, the Redis cache, the S3 media storage. Each one bounded by a short
timeout, so a hanging dependency cannot hang the probe."""

import boto3
from botocore.config import Config
from django.core.files.storage import storages
from django.db import connection, transaction

from cms.core.cache_client import redis_client
from cms.core.health import OK, SKIPPED, Check, health_check

TIMEOUT_SECONDS = 2


@health_check(critical=True, uses_database=True)
def database() -> Check:
    """Critical: without the database nothing can be served."""
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SET LOCAL statement_timeout = {TIMEOUT_SECONDS * 1000}")
        cursor.execute("SELECT 1")
    return Check(OK, {"vendor": connection.vendor})


@health_check()
def cache() -> Check:
    """The Redis behind the cache, rate limits and the content generation; down
    means uncached pages and API answers, not an outage."""
    client = redis_client()  # timeouts and circuit breaker: cms/core/failsafe_cache.py
    if client is None:
        return Check(SKIPPED, {"detail": "cache is not Redis"})
    client.ping()
    return Check(OK)


@health_check()
def storage() -> Check:
    """The S3 bucket of media and documents, when S3 is configured: down means
    uploads and downloads fail while pages still answer."""
    media = storages["default"]
    bucket = getattr(media, "bucket_name", None)
    if not bucket:
        return Check(SKIPPED, {"detail": "local storage"})
    client = boto3.client(
        "s3",
        endpoint_url=media.endpoint_url,
        aws_access_key_id=media.access_key,
        aws_secret_access_key=media.secret_key,
        region_name=media.region_name,
        config=Config(
            connect_timeout=TIMEOUT_SECONDS,
            read_timeout=TIMEOUT_SECONDS,
            retries={"max_attempts": 1},
        ),
    )
    client.head_bucket(Bucket=bucket)
    return Check(OK)
