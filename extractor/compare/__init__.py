"""Compare an output document with a golden file (only the fields the golden holds)."""
from .diff import diff_documents

__all__ = ["diff_documents"]
