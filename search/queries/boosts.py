"""Score adjustments after text relevance: recency and editorial weight.

final = relevance x (1 + RECENCY_WEIGHT x gauss(age)) x boost

- Multiplying keeps the adjustment proportional: BM25 scores differ by orders of
  magnitude between queries, so a constant *added* for recency would swamp weak
  matches and vanish on strong ones.
- The ``1 +`` is the floor: an old document keeps its full relevance; a new one gains
  at most RECENCY_WEIGHT (20 %). Gauss with scale 365 days and decay 0.5: +20 %
  today, +10 % at one year, +1.25 % at two years. Enough to order near-equal matches
  (the same report for two years), never enough to bury the better match.
- Documents without a date get no recency lift (the function is filtered on
  ``exists``; a decay function would otherwise score a missing field as "today").
- ``boost`` is the editorial weight stored on the document (missing = 1).
"""

RECENCY_SCALE = "365d"
RECENCY_DECAY = 0.5
RECENCY_WEIGHT = 0.2


def recency(query: dict) -> dict:
    return {
        "function_score": {
            "query": query,
            "functions": [
                {"weight": 1},
                {
                    "filter": {"exists": {"field": "published"}},
                    "gauss": {
                        "published": {
                            # Rounded to the day: the same query is cacheable all day.
                            "origin": "now/d",
                            "scale": RECENCY_SCALE,
                            "decay": RECENCY_DECAY,
                        }
                    },
                    "weight": RECENCY_WEIGHT,
                },
            ],
            "score_mode": "sum",
            "boost_mode": "multiply",
        }
    }


def editorial(query: dict) -> dict:
    return {
        "function_score": {
            "query": query,
            "field_value_factor": {"field": "boost", "missing": 1, "modifier": "none"},
            "boost_mode": "multiply",
        }
    }


def boosted(query: dict) -> dict:
    return editorial(recency(query))
