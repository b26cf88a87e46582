"""The PDFium calls the page reader makes once per object, per path segment or per character, bound
again on plain addresses (``c_void_p``/``int``) instead of pypdfium2's typed pointers.

Each pypdfium2 call converts its pointer arguments and wraps a returned pointer in a new ctypes object
(and a cast is needed to compare two); on a page of thousands of text objects and rulings that
conversion costs more than PDFium's own work. The functions are the same ones (same library, same
addresses), only their Python signatures differ: handles in and out are ints, out-parameters are the
addresses of ctypes values the caller owns, a NULL pointer comes back as ``None``.
"""
from __future__ import annotations

import ctypes

import pypdfium2.raw as raw

_V, _I, _UL = ctypes.c_void_p, ctypes.c_int, ctypes.c_ulong


def _bind(fn, restype, *argtypes):
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


page_count_objects = _bind(raw.FPDFPage_CountObjects, _I, _V)
page_get_object = _bind(raw.FPDFPage_GetObject, _V, _V, _I)
form_count_objects = _bind(raw.FPDFFormObj_CountObjects, _I, _V)
form_get_object = _bind(raw.FPDFFormObj_GetObject, _V, _V, _UL)
obj_type = _bind(raw.FPDFPageObj_GetType, _I, _V)
obj_matrix = _bind(raw.FPDFPageObj_GetMatrix, _I, _V, _V)
obj_clip = _bind(raw.FPDFPageObj_GetClipPath, _V, _V)
obj_bounds = _bind(raw.FPDFPageObj_GetBounds, _I, _V, _V, _V, _V, _V)
obj_fill = _bind(raw.FPDFPageObj_GetFillColor, _I, _V, _V, _V, _V, _V)
obj_stroke = _bind(raw.FPDFPageObj_GetStrokeColor, _I, _V, _V, _V, _V, _V)
clip_count_paths = _bind(raw.FPDFClipPath_CountPaths, _I, _V)
clip_count_segments = _bind(raw.FPDFClipPath_CountPathSegments, _I, _V, _I)
clip_segment = _bind(raw.FPDFClipPath_GetPathSegment, _V, _V, _I, _I)
path_draw_mode = _bind(raw.FPDFPath_GetDrawMode, _I, _V, _V, _V)
path_count_segments = _bind(raw.FPDFPath_CountSegments, _I, _V)
path_segment = _bind(raw.FPDFPath_GetPathSegment, _V, _V, _I)
segment_point = _bind(raw.FPDFPathSegment_GetPoint, _I, _V, _V, _V)
segment_type = _bind(raw.FPDFPathSegment_GetType, _I, _V)
segment_close = _bind(raw.FPDFPathSegment_GetClose, _I, _V)
text_object = _bind(raw.FPDFText_GetTextObject, _V, _V, _I)
text_loose_box = _bind(raw.FPDFText_GetLooseCharBox, _I, _V, _I, _V)
text_generated = _bind(raw.FPDFText_IsGenerated, _I, _V, _I)


def address(handle) -> int:
    """The plain address of a pypdfium2 handle (``PdfPage.raw``, ``PdfTextPage.raw``)."""
    return ctypes.cast(handle, ctypes.c_void_p).value
