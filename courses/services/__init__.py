"""Workflows as service functions, one module per area; each runs in one transaction."""
