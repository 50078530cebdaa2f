"""Admin menu items and URLs of the insight pages; each part registers its own in its file."""

from insight import analysis_hooks, gradebook_hooks  # noqa: F401
