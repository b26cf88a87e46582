"""Byte-stable JSON (model field order, shortest float repr, UTF-8) and atomic file writes."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ..models import Document


def document_json(doc: Document) -> str:
    data = doc.model_dump(mode="json", by_alias=True)
    return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def atomic_write(path: str | Path, text: str) -> None:
    """Write to a temporary file beside the target, flush it to disk, then rename over the target:
    a reader never sees a half-written file, and a killed run leaves the old file or none."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)     # mkstemp makes 0600; an output is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
