"""Stage 5, reconcile and check: the arithmetic these tables obey, reported per table."""
from .checks import run_checks

__all__ = ["run_checks"]
