"""Data of the demo audit: its texts and figures (content) and its drawn photos (photos)."""
