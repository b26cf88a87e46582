"""The verdict of a document that is no disclosure: `not_disclosure`, whatever its checks say.

Kept apart from the verdict step (issue 25) so that step asks this first: a circular's tables are
neither verified nor inconsistent, they are not what the researcher collects.
"""
from __future__ import annotations

NOT_DISCLOSURE = "not_disclosure"


def not_disclosure(document_type: str | None, evidence=None) -> tuple[str, list[str]] | None:
    """(status, reasons) for a document typed `other`; None for a disclosure (its verdict is the checks')."""
    if document_type != "other":
        return None
    if isinstance(evidence, dict):
        text, page = evidence.get("text"), evidence.get("page")
    else:
        text, page = getattr(evidence, "text", None), getattr(evidence, "page", None)
    where = f" (p. {page})" if page else ""
    return NOT_DISCLOSURE, [f"not a budget disclosure: {text!s}{where}" if text else "not a budget disclosure"]
