"""Demo data for the courses app, one module per area (catalogue, enrollment, learning)."""
