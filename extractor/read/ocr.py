"""The OCR engine: PP-OCR text detection and recognition (RapidOCR on onnxruntime), models from the
``rapidocr`` wheel itself, so nothing is fetched at run time.

One engine per process, created on first use (worker processes each make their own). The raster stage
calls ``detect`` on a whole page image and ``recognize`` on the crops it cut from it, so it can cut the
detected text boxes at ruling lines before they are read.

Memory: a page's images and the detector's tensors (onnxruntime's arena is off for it, as in
RapidOCR's configuration) are megabytes each, of ever-changing sizes. With glibc's default policy every
one freed raises the size from which blocks are mapped apart (up to 32 MB), so later ones land in the
main heap between long-lived small blocks and are never given back: the heap held ~450 MB of free space
after a hundred scanned pages (peak 876 MB, the live data ~100 MB). A fixed threshold
(``HEAP_MAX_BLOCK``) and handing the freed heap back after each page (``release``) keep the peak near
one page's working set. The recogniser's batches are small and bounded (``_batches``): its arena
serves them without a system call (mapping them apart cost more CPU than it saved).
"""
from __future__ import annotations

import ctypes
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np

_LOCK = threading.Lock()
_ENGINE: "OcrEngine | None" = None

REC_HEIGHT = 48         # the recogniser's input height; crops are scaled to it
CTC_STRIDE = 8          # input pixels per CTC time step
REC_MIN_WIDTH = 160     # ... and padded to at least this width
REC_BATCH = 16          # crops per recognition batch at most ...
REC_BATCH_WIDTH = 4000  # ... and input pixels across the whole batch, padded (bounds its memory)
DET_BAND_PX = 400_000   # pixels of page the detector is given at once (bounds its memory)
DET_OVERLAP = 64        # rows shared by neighbouring bands: more than a text line is high
HEAP_MAX_BLOCK = 16 << 20  # bytes: larger blocks (a colour page, a band's tensors) are mapped apart and
                           # unmapped when freed; smaller ones cost no page faults (4 MB: +25% CPU)
DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"


class OcrUnavailable(RuntimeError):
    """The OCR packages or their bundled models are missing."""


@dataclass
class Timing:
    """Seconds spent per step since the process started (the benchmark reads these)."""
    render: float = 0.0
    lines: float = 0.0      # deskew, ruling-line detection and removal
    det: float = 0.0
    rec: float = 0.0
    load: float = 0.0       # making the engine (once per process)
    load_cpu: float = 0.0
    pages: int = 0
    crops: int = 0          # text-line crops recognised

    def reset(self) -> None:
        self.render = self.lines = self.det = self.rec = self.load = self.load_cpu = 0.0
        self.pages = self.crops = 0


TIMING = Timing()


def _threads() -> int:
    try:
        return int(os.environ.get("BUDGET_OCR_THREADS", "0")) or -1
    except ValueError:
        return -1


class OcrEngine:
    def __init__(self) -> None:
        try:
            import rapidocr
            from rapidocr import RapidOCR
        except ImportError as exc:  # pragma: no cover - the dependency is declared
            raise OcrUnavailable(f"OCR needs the rapidocr and onnxruntime packages ({exc})") from None
        models = Path(rapidocr.__file__).resolve().parent / "models"
        det, rec = models / DET_MODEL, models / REC_MODEL
        missing = [p.name for p in (det, rec) if not p.is_file()]
        if missing:
            raise OcrUnavailable(f"the rapidocr package ships no {', '.join(missing)} in {models}")
        threads = _threads()
        params = {
            "Global.log_level": "error",
            "Global.use_cls": False,
            "Det.model_path": str(det),            # the bundled files: no download, no model lookup
            "Rec.model_path": str(rec),
            "Det.box_thresh": 0.5,
            "Det.limit_type": "max",               # the page comes in at the size to search: no resizing
            "Det.limit_side_len": 8000,
            "Det.unclip_ratio": 1.6,
            "Rec.rec_batch_num": REC_BATCH,
            "Rec.rec_img_shape": [3, REC_HEIGHT, REC_MIN_WIDTH],   # short cell texts are not padded to 320 px
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        }
        self._ocr = RapidOCR(params=params)
        self._det = self._ocr._load_det_model()        # no arena: its tensors are large, given back
        self._ocr.cfg.EngineConfig.onnxruntime.enable_cpu_mem_arena = True
        self._rec = self._ocr._load_rec_model()        # an arena: many small batches, bounded in size

    def detect(self, image: np.ndarray) -> list[tuple[float, float, float, float]]:
        """Axis-aligned boxes (x0, y0, x1, y1) in pixels of the text lines of a grayscale page image.

        The detector's memory grows with the pixels it is given (its head works at full resolution:
        ~250 MB per megapixel), so a tall page is read in horizontal bands that overlap by more than
        a text line is high; each band keeps the boxes whose centre lies in its own core."""
        t = time.perf_counter()
        h, w = image.shape[:2]
        core = max(DET_BAND_PX // max(w, 1), 4 * DET_OVERLAP)
        out = []
        for top in range(0, h, core):
            lo, hi = max(0, top - DET_OVERLAP), min(h, top + core + DET_OVERLAP)
            last = top + core >= h
            for x0, y0, x1, y1 in self._boxes(image[lo:hi]):
                cy = lo + (y0 + y1) / 2
                if top <= cy < top + core or (last and cy >= top):
                    out.append((x0, lo + y0, x1, lo + y1))
            if last:
                break
        TIMING.det += time.perf_counter() - t
        return out

    def _boxes(self, image: np.ndarray) -> list[tuple[float, float, float, float]]:
        res = self._det(_bgr(image))
        if res.boxes is None:
            return []
        return [(float(q[:, 0].min()), float(q[:, 1].min()), float(q[:, 0].max()), float(q[:, 1].max()))
                for q in res.boxes]

    def recognize(self, crops: list[np.ndarray]) -> list[Reading]:
        """What each grayscale crop of one text line says, with the recogniser's confidence and the
        x centre (crop pixels) of each non-space character, from the CTC time step it was read at."""
        if not crops:
            return []
        from rapidocr.ch_ppocr_rec import TextRecInput
        t = time.perf_counter()
        found: dict[int, Reading] = {}
        for batch in _batches(crops):
            res = self._rec(TextRecInput(img=[_bgr(crops[i]) for i in batch], return_word_box=True))
            for i, text, score, words in zip(batch, res.txts, res.scores, res.word_results):
                step = CTC_STRIDE * crops[i].shape[0] / REC_HEIGHT
                cols = [c for group in (getattr(words, "word_cols", None) or []) for c in group]
                found[i] = Reading(str(text), float(score), [(c + 0.5) * step for c in cols])
        TIMING.rec += time.perf_counter() - t
        TIMING.crops += len(crops)
        return [found[i] for i in range(len(crops))]


class Reading(NamedTuple):
    text: str
    score: float
    centres: list[float]        # per non-space character; may be empty when the recogniser gives none


def _batches(crops: list[np.ndarray]) -> list[list[int]]:
    """Crop indices in recognition batches: by width (so little of a batch is padding), each batch
    at most ``REC_BATCH`` crops and ``REC_BATCH_WIDTH`` input pixels wide in all once padded to its
    widest: the recogniser's memory grows with the batch's padded size (a batch of sixteen long
    prose lines took ~900 MB). Smaller batches cost less CPU (less padding) but change what a few
    crops read as (the padding is part of the input): sixteen under the width budget reads the
    samples as the unbounded batches did."""
    def width(i: int) -> float:
        h, w = crops[i].shape[:2]
        return max(REC_MIN_WIDTH, REC_HEIGHT * w / max(h, 1))

    out: list[list[int]] = []
    batch: list[int] = []
    for i in sorted(range(len(crops)), key=lambda i: (width(i), i)):
        if batch and (len(batch) == REC_BATCH or (len(batch) + 1) * width(i) > REC_BATCH_WIDTH):
            out.append(batch)
            batch = []
        batch.append(i)
    return out + ([batch] if batch else [])


def _bgr(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return np.ascontiguousarray(np.repeat(image[:, :, None], 3, axis=2))
    return image


def engine() -> OcrEngine:
    """The process's engine, made on first use."""
    global _ENGINE
    if _ENGINE is None:
        with _LOCK:
            if _ENGINE is None:
                t, cpu = time.perf_counter(), time.process_time()
                _malloc_policy()
                _ENGINE = OcrEngine()
                TIMING.load += time.perf_counter() - t
                TIMING.load_cpu += time.process_time() - cpu
    return _ENGINE


_M_MMAP_THRESHOLD = -3      # glibc's mallopt parameter number


def _libc():
    """glibc's malloc controls, or None (another C library, or none found: its default policy stays)."""
    try:
        libc = ctypes.CDLL(None)
        return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


_LIBC = _libc()


def _malloc_policy() -> None:
    """A fixed mmap threshold (see the module docstring); set once, when the engine is made, so a
    process that reads no scan keeps glibc's defaults."""
    if _LIBC is not None:
        _LIBC.mallopt(_M_MMAP_THRESHOLD, HEAP_MAX_BLOCK)


def release() -> None:
    """Give the heap freed by a page read from its image back to the system (malloc_trim): otherwise it
    stays resident, and each page's differently sized buffers add to it."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)
