"""Admin pieces every app shares: page panels, the user admin, the permission policy of models
that change through services."""
