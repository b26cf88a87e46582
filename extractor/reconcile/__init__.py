"""Stage 5, reconcile and check: the arithmetic these tables obey, reported per table."""
from .tables.checks import run_checks
from .tables.repair import repair_tables
from .tables.subjects import correct_subjects

__all__ = ["run_checks", "repair_tables", "correct_subjects"]
