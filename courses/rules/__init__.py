"""Rules that decide (admission, completion, progress): pure functions over plain data."""
