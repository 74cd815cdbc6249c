"""A visit programme as plain data: days in date order, items in time order, linked courses in
the page's language. Read by the programme page and the itinerary PDF."""

from dataclasses import dataclass, field

from training_site.visits.choices import VisitItemKind


@dataclass
class ProgrammeItem:
    kind: str
    kind_label: str
    start_time: object
    end_time: object
    title: str
    place: str
    host: str
    description: str
    courses: list = field(default_factory=list)


@dataclass
class ProgrammeDay:
    date: object
    title: str
    items: list[ProgrammeItem]


def programme_days(page) -> list[ProgrammeDay]:
    """The programme as plain data, items in time order, courses in the page's language."""
    kinds = dict(VisitItemKind.choices)
    days = []
    for block in page.days:
        if block.block_type != "day":
            continue
        value = block.value
        items = []
        for item in value["items"]:
            courses = []
            for course in item.get("courses") or []:
                if course is None:
                    continue
                localized = course.get_translation_or_none(page.locale) or course
                if localized.live:
                    courses.append({"title": localized.title, "url": localized.get_url()})
            items.append(
                ProgrammeItem(
                    kind=item["kind"],
                    kind_label=str(kinds.get(item["kind"], "")),
                    start_time=item["start_time"],
                    end_time=item.get("end_time"),
                    title=item["title"],
                    place=item.get("place") or "",
                    host=item.get("host") or "",
                    description=item.get("description") or "",
                    courses=courses,
                )
            )
        items.sort(key=lambda i: i.start_time)
        days.append(ProgrammeDay(date=value["date"], title=value.get("title") or "", items=items))
    days.sort(key=lambda d: d.date)
    return days
