"""The courses app's admin: viewsets, views, filters, bulk actions, panels and reports.
courses/wagtail_hooks.py registers them; nothing here registers itself."""
