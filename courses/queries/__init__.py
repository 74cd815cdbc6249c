"""Read-only query building for listings, one module per area."""
