"""Reports: figures about enrollments and completions, aggregated in the database.

- `scope`: whose enrollments a viewer may count (staff, instructor, one country).
- `filters`: the report filters as plain data, applied to an enrollment queryset.
- `measures`: the registry of report columns and the grouping dimensions; `breakdown()` and
  `totals()` each cost one query.
- `dashboard`: the year's figures and the data for the admin home charts.
- `impact`: the public, suppressed and cached figures of the impact page.
- `suppression`: pure rules that hide small counts.
"""
