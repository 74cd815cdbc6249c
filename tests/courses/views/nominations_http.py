"""Helpers shared by the nomination tests over HTTP."""

from django.urls import reverse
from django.utils import translation

from courses.rules.nominations import Nominee

HOSTILE = '<script>alert("x")</script><b>Bold</b>'


def url(name, *args, lang="en"):
    with translation.override(lang):
        return reverse(name, args=args)


def nominee(email="nominee@example.org", name="Amal Haddad", language="en"):
    return Nominee(name, email, "PSD", "Investigator", language)
