"""budget-disclosure-extractor: Chinese government budget disclosure PDFs -> validated JSON."""
from .version import __version__


def extract(path, settings=None):
    """Extract one PDF into a ``Document`` (see ``extractor.pipeline.extract``)."""
    from .pipeline import extract as _extract
    from .settings import DEFAULT
    return _extract(path, settings or DEFAULT)


__all__ = ["extract", "__version__"]
