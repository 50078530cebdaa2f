"""Admin URLs and menu item for item analysis (registered here by that part)."""
