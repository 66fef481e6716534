"""Operations that change an information request, split by step; import them
from here. Each is keyword-only and atomic, writes a timeline entry (RequestEntry)
and raises ``ValidationError`` with Indonesian messages by field.
"""

from .documents import (
    document_add,
    document_from_link,
    document_link,
    document_promote,
)
from .handover import request_from_report
from .intake import request_submit
from .objections import (
    InvalidToken,
    allowed_grounds,
    dispute_record,
    objection_answer,
    objection_file,
    objection_open_until,
    objection_window,
    open_objection,
)
from .processing import InvalidStep, request_assign, request_decide, request_extend
from .steps import token_check

__all__ = [
    "InvalidStep",
    "InvalidToken",
    "allowed_grounds",
    "dispute_record",
    "document_add",
    "document_from_link",
    "document_link",
    "document_promote",
    "objection_answer",
    "objection_file",
    "objection_open_until",
    "objection_window",
    "open_objection",
    "request_assign",
    "request_decide",
    "request_extend",
    "request_from_report",
    "request_submit",
    "token_check",
]
