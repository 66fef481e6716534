"""The public search document: one index (behind an alias) for everything citizens
may find. Field pairs ``x`` / ``x_stem`` hold the raw text (phrases, highlights) and
its Indonesian analysis from ``search.language.analysis.analyze`` (stemmed matching).

Only core Elasticsearch is assumed: the ``standard`` analyzer, keyword fields, dates,
numbers and the completion suggester.
"""

from django.conf import settings
from elasticsearch.dsl import (
    Completion,
    Date,
    Document,
    Float,
    Integer,
    Keyword,
    Text,
)

TEXT = {"analyzer": "standard"}


def alias_name() -> str:
    """Readers and writers use this alias; reindexing swaps what it points at."""
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-public"


def building_alias_name() -> str:
    """Points at the index being rebuilt, so live changes reach it too."""
    return f"{alias_name()}-building"


class PublicDocument(Document):
    object_key = Keyword()  # "page:123": stable id, also the document _id
    kind = Keyword()  # type code: rilis, artikel, ..., seri, opd, dip
    title = Text(**TEXT, fields={"raw": Keyword(ignore_above=512)})
    title_stem = Text(**TEXT)
    summary = Text(**TEXT)
    summary_stem = Text(**TEXT)
    body = Text(**TEXT)
    body_stem = Text(**TEXT)
    attachments = Text(**TEXT)  # text extracted from attached PDF/Office files
    attachments_stem = Text(**TEXT)
    tags = Keyword()
    tags_stem = Text(**TEXT)
    opd_slug = Keyword()
    opd_name = Keyword()
    dip_kategori = Keyword()
    series_slug = Keyword()
    year = Integer()
    published = Date()
    url = Keyword(index=False)
    boost = Float()  # editorial weight (e.g. OPD profiles, serta merta)
    suggest = Completion(analyzer="simple")

    class Index:
        name = "sipanganten-public"  # replaced at run time by alias_name()
        settings = {"number_of_shards": 1, "number_of_replicas": 0}
