"""Bulk processing: a folder of PDFs in, a mirrored folder of JSON out, resumable and fault-isolated.
Not a pipeline stage: it runs the pipeline once per file, in worker processes or on Dask."""
from .job import FileResult, process_one
from .run import run_batch

__all__ = ["FileResult", "process_one", "run_batch"]
