"""Certificates in the Wagtail admin: viewsets, views, columns and the read-only permission policy.

certificates/wagtail_hooks.py registers them; nothing here registers itself.
"""
