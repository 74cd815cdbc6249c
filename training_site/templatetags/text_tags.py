"""`{{ name|bdi }}`: a name shown among names of other scripts, inside `<bdi>` (see
training_site.core.text.isolate)."""

from django import template

from training_site.core.text import isolate

register = template.Library()


@register.filter
def bdi(value):
    return isolate(value)
