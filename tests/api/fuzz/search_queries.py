"""Search parameters the fuzz sends to /search/ and /search/suggest/.

Their schema describes every parameter, but generated values rarely name real
content. These mix real values (OPD slugs, type codes, years) with arbitrary
text, so the search code and Elasticsearch see realistic and hostile queries alike.
"""

from hypothesis import strategies as st

SEARCH_PATHS = ("/api/v1/search/", "/api/v1/search/suggest/")

_text = st.text(max_size=40) | st.sampled_from(
    ["vaksin", "banjir", "laporan keuangan", '"gizi', "(((", "*:*", "a" * 201]
)
_slugs = st.sampled_from(["dinkes", "bpbd", "diskominfo", "seri-sehat", "x"]) | _text
_types = st.sampled_from(["rilis", "artikel", "pengumuman", "dokumen", "dip", "x"])
_kategori = st.sampled_from(["berkala", "serta_merta", "dikecualikan", "x"])
_numbers = st.integers(-5, 3000).map(str) | _text


def search_queries():
    return st.fixed_dictionaries(
        {"q": _text},
        optional={
            "opd": _slugs,
            "type": _types,
            "kategori": _kategori,
            "year": _numbers,
            "series": _slugs,
            "page": _numbers,
            "page_size": _numbers,
        },
    )
