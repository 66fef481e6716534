"""``captured_messages`` swaps Wagtail's generic success message for ours through
Django's public messages API, without losing any other message: not those shown
next (left by the previous request), not those added earlier in this request,
not Wagtail's warnings or errors."""

from django.contrib import messages
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.test import RequestFactory

from cms.workflow.feedback import captured_messages


def _request(cookies=None):
    request = RequestFactory().get("/admin/")
    request.COOKIES.update(cookies or {})
    SessionMiddleware(lambda r: None).process_request(request)
    MessageMiddleware(lambda r: None).process_request(request)
    return request


def _stored(request) -> list[tuple[int, str]]:
    """What the next page shows: the messages this request leaves behind."""
    response = MessageMiddleware(lambda r: None).process_response(
        request, HttpResponse()
    )
    following = _request({k: v.value for k, v in response.cookies.items()})
    return [(m.level, str(m)) for m in messages.get_messages(following)]


def test_only_the_caught_success_message_is_replaced(db):
    request = _request()
    messages.info(request, "Sebelumnya")
    with captured_messages(request) as caught:
        messages.success(request, "Page 'X' has been published.")
        messages.warning(request, "Halaman dikunci.")
    caught.replay(request, except_level=messages.SUCCESS)
    messages.success(request, "“X” diterbitkan.")

    assert _stored(request) == [
        (messages.INFO, "Sebelumnya"),
        (messages.WARNING, "Halaman dikunci."),
        (messages.SUCCESS, "“X” diterbitkan."),
    ]


def test_messages_left_by_the_previous_request_survive(db):
    previous = _request()
    messages.info(previous, "Dari permintaan sebelumnya")
    response = MessageMiddleware(lambda r: None).process_response(
        previous, HttpResponse()
    )
    request = _request({k: v.value for k, v in response.cookies.items()})
    with captured_messages(request) as caught:
        messages.success(request, "Page 'X' has been published.")
    caught.replay(request)

    assert _stored(request) == [
        (messages.INFO, "Dari permintaan sebelumnya"),
        (messages.SUCCESS, "Page 'X' has been published."),
    ]
