"""Views, one module per area. Thin: permission, form, service, response."""
