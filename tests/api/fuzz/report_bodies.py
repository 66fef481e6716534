"""Bodies the fuzz posts to /reports/ and /reports/{code}/replies/.

Generated from the schema alone, a body almost never names a real category, so
the fuzz would only see 400s; these mix valid reports (the content's category, a
point in Banten) with hostile values, so submission itself runs too."""

from hypothesis import strategies as st

SUBMIT_PATH = "/api/v1/reports/"
REPLY_PATH = "/api/v1/reports/{code}/replies/"

_text = st.text(max_size=60) | st.sampled_from(["", " ", "\x00", "<b>x</b>", "a" * 300])
_coordinate = st.one_of(
    st.floats(-7.1, -5.8),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["", "-6.1", "abc", "1e999", None]),
)


def _valid_bodies():
    """Reports the API must take (201), varied where the rules allow."""
    return st.fixed_dictionaries(
        {
            "category": st.just("jalan-rusak"),
            # At least cms.complaints.rules' minimum lengths once stripped.
            "title": st.text(min_size=5, max_size=40)
            .map(lambda t: t.replace("\x00", ""))
            .filter(lambda t: len(t.strip()) >= 5),
            "description": st.text(min_size=20, max_size=200)
            .map(lambda t: t.replace("\x00", ""))
            .filter(lambda t: len(t.strip()) >= 20),
            "region": st.sampled_from(["36.01", "36.04", "36.74"]),
            "privacy": st.just("anonim"),
        },
        optional={
            "kind": st.sampled_from(["pengaduan", "aspirasi", "informasi"]),
            "latitude": st.just(-6.12),
            "longitude": st.just(106.15),
        },
    )


def _hostile_bodies():
    return st.fixed_dictionaries(
        {
            "category": st.sampled_from(["jalan-rusak", "tidak-ada"]),
            "title": st.sampled_from(["Jalan berlubang", ""]) | _text,
            "description": st.sampled_from(["Lubang besar di jalan desa."]) | _text,
            "region": st.sampled_from(["36.04", "36.71", "31.71", ""]),
        },
        optional={
            "kind": st.sampled_from(["pengaduan", "aspirasi", "informasi", "x"]),
            "privacy": st.sampled_from(["biasa", "anonim", "rahasia", "x"]),
            "latitude": _coordinate,
            "longitude": st.floats(105.0, 106.8) | _coordinate,
            "address": _text,
            "reporter_name": st.sampled_from(["Warga Uji"]) | _text,
            "reporter_email": st.sampled_from(["warga@example.org", "x@"]) | _text,
            "reporter_phone": st.sampled_from(["081234567", "+62 21 555"]) | _text,
        },
    )


def submit_bodies():
    return st.one_of(_valid_bodies(), _hostile_bodies())


def reply_bodies():
    return st.fixed_dictionaries(
        {"token": _text},
        optional={
            "action": st.sampled_from(["reply", "confirm", "reopen", "x"]),
            "message": _text,
        },
    )
