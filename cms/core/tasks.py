from celery import shared_task


@shared_task
def ping(value: str) -> str:
    """Round trip used by the worker health check and its integration test."""
    return f"pong:{value}"
