"""Stage 2, find tables: ruled regions on a page, with the title, unit and note printed around them."""
from .regions import Region, find_regions
from .titles import Caption, caption_for, match_title, reads_as_title, without_qualifier

__all__ = ["Region", "find_regions", "Caption", "caption_for", "match_title", "reads_as_title", "without_qualifier"]
