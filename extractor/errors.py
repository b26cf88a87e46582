"""Errors that concern one input file; a batch records them and goes on."""


class ExtractionError(Exception):
    """A file could not be read; the message is one line a user can act on."""
    code = "unreadable"


class NotPdfError(ExtractionError):
    code = "not_pdf"


class EncryptedPdfError(ExtractionError):
    code = "encrypted"


class CorruptPdfError(ExtractionError):
    code = "corrupt"
