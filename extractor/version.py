"""The extractor's version: written into every output (extractor_version) and compared by batch's resume."""
__version__ = "0.1.0"
