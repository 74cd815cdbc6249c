"""HTML helpers for the demo catalogue texts."""


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
