"""Stage 6, write: deterministic JSON, written atomically."""
from .jsonout import atomic_write, document_json

__all__ = ["atomic_write", "document_json"]
