"""Stage 5, reconcile and check: the arithmetic these tables obey, reported per table."""
from .checks import run_checks
from .repair import repair_tables
from .subjects import correct_subjects

__all__ = ["run_checks", "repair_tables", "correct_subjects"]
