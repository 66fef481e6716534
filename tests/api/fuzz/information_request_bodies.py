"""Bodies and tokens the fuzz sends to /information-requests/ (file, the
requester's view, objections).

Generated from the schema alone, a body almost never passes the PPID's rules (a
16-digit NIK, 20 characters of text...) and a token header never names a real
request, so the fuzz would only see 400s and 404s; these mix valid requests and
the content's real tokens with hostile values, so filing and objecting run too."""

from hypothesis import strategies as st

SUBMIT_PATH = "/api/v1/information-requests/"
MINE_PATH = "/api/v1/information-requests/mine/"
OBJECTIONS_PATH = "/api/v1/information-requests/mine/objections/"
TOKEN_HEADER = "X-Request-Token"  # noqa: S105 (a header name)

_text = st.text(max_size=60) | st.sampled_from(["", " ", "\x00", "<b>x</b>", "a" * 300])


def _clean(min_size: int, max_size: int):
    return (
        st.text(min_size=min_size, max_size=max_size)
        .map(lambda t: t.replace("\x00", ""))
        .filter(lambda t: len(t.strip()) >= min_size)
    )


def _valid_bodies():
    """Requests the API must take (201), varied where the rules allow."""
    return st.fixed_dictionaries(
        {
            "requester_kind": st.sampled_from(["perorangan", "kelompok"]),
            "requester_name": _clean(1, 40),
            "identity_number": st.from_regex(r"\A[0-9]{16}\Z"),
            "email": st.just("pemohon@example.org"),
            "information_requested": _clean(20, 200),
            "purpose": _clean(10, 100),
            "obtain_method": st.sampled_from(["membaca", "salinan_elektronik"]),
            "delivery_method": st.sampled_from(["email", "ambil_langsung"]),
        },
        optional={"addressed_opd": st.sampled_from([None, "", "dinkes"])},
    )


def _hostile_bodies():
    return st.fixed_dictionaries(
        {
            "requester_kind": st.sampled_from(["perorangan", "badan_hukum", "x"]),
            "requester_name": st.sampled_from(["Warga Uji", ""]) | _text,
            "identity_number": st.sampled_from(["3601234567890123", "123"]) | _text,
            "information_requested": _text,
            "purpose": _text,
            "obtain_method": st.sampled_from(["membaca", "x"]) | _text,
            "delivery_method": st.sampled_from(["pos", "email", "x"]) | _text,
        },
        optional={
            "email": st.sampled_from(["warga@example.org", "x@"]) | _text,
            "phone": st.sampled_from(["081234567890", "+62 21 555"]) | _text,
            "address": _text,
            "addressed_opd": st.sampled_from(["dinkes", "tidak-ada", "", None, 7])
            | _text,
        },
    )


def submit_bodies():
    return st.one_of(_valid_bodies(), _hostile_bodies())


def tokens(real: list[str]):
    """The content's real tokens (the schema's own strategies send junk ones)."""
    return st.sampled_from(real)


def objection_bodies():
    return st.fixed_dictionaries(
        {
            "grounds": st.lists(st.sampled_from(list("bcdefg")), min_size=1)
            | st.lists(st.sampled_from(list("abcdefgz")), max_size=4)
            | st.sampled_from([[], "a", None]),
            "reason": st.sampled_from(["Saya keberatan atas penolakan ini."]) | _text,
        }
    )
