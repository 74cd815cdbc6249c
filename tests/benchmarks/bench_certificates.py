"""Certificate rendering benchmark (not a test): `python -m tests.benchmarks.bench_certificates`.

Measures, in one process: median and p95 render time of a certificate (normal and PDF/A) against
a bare WeasyPrint page using the same shipped fonts through the same fetcher, and the growth of the
process's resident memory over N certificate renders. Needs no database.
"""

import argparse
import gc
import os
import resource
import statistics
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "training_site.settings.test")

import django

django.setup()

from certificates.models import CertificateSignatory, CertificateTemplate  # noqa: E402
from certificates.pdf import ARCHIVAL, TEMPLATE, build_context  # noqa: E402
from training_site.pdf import render_pdf, render_template_pdf  # noqa: E402

BARE = """<html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="/static/css/pdf-fonts.css">
<style>@page { size: A4 landscape; } body { font-family: "Noto Serif"; }
.ar { font-family: "Amiri"; direction: rtl; }</style></head>
<body><h1>Certificate of Completion</h1><p class="ar" dir="rtl">شهادة إتمام عمر فاروق</p>
<p>Omar Farouk</p></body></html>"""


def _template():
    template = CertificateTemplate(
        name="bench",
        body_ar="أتمّ بنجاح الدورة التدريبية «{course}» في {venue} من {dates}، بواقع {hours} ساعة.",
        body_en="has completed the course “{course}” held at {venue} from {dates} ({hours} hours).",
    )
    template.signatories = [
        CertificateSignatory(
            name_ar="د. سلمى حدّاد",
            name_en="Dr Salma Haddad",
            title_ar="مديرة المركز",
            title_en="Director",
        ),
        CertificateSignatory(
            name_ar="كريم منصور",
            name_en="Karim Mansour",
            title_ar="منسّق التدريب",
            title_en="Training Coordinator",
        ),
    ]
    return template


def _context(template, i):
    snapshot = {
        "holder": {"latin": f"Omar Farouk Al-Mansouri {i}", "arabic": "عمر فاروق المنصوري"},
        "course": {
            "ar": "تحديد ضحايا الاتجار بالأشخاص",
            "en": "Identifying victims of trafficking",
        },
        "languages": ["ar", "en"],
        "issuer": {"ar": "المركز الإقليمي للتدريب", "en": "Regional Training Centre"},
        "title": {"ar": "شهادة إتمام", "en": "Certificate of Completion"},
        "body": {"ar": template.body_ar, "en": template.body_en},
        "signatories": [s.snapshot() for s in template.signatories.all()],
    }
    return build_context(
        template=template,
        snapshot=snapshot,
        serial=f"RTC-2026-{i:05d}",
        code="7KQ2-M9XD-4TRA-PW3H",
        url="https://example.org/verify/7KQ2-M9XD-4TRA-PW3H/",
    )


def _timed(fn, n):
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)]


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize() / 2**20


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=20, help="renders per timing")
    parser.add_argument("--memory-renders", type=int, default=100)
    args = parser.parse_args()
    template = _template()
    render_pdf(BARE)  # warm up fonts and caches
    render_template_pdf(TEMPLATE, _context(template, 0), language="en", variant=ARCHIVAL)

    bare = _timed(lambda: render_pdf(BARE), args.n)
    plain = _timed(
        lambda: render_template_pdf(TEMPLATE, _context(template, 1), language="en"), args.n
    )
    archival = _timed(
        lambda: render_template_pdf(
            TEMPLATE, _context(template, 1), language="en", variant=ARCHIVAL
        ),
        args.n,
    )
    print(f"bare page          median {bare[0] * 1000:7.1f} ms   p95 {bare[1] * 1000:7.1f} ms")
    print(
        f"certificate        median {plain[0] * 1000:7.1f} ms   p95 {plain[1] * 1000:7.1f} ms"
        f"   ratio {plain[0] / bare[0]:.2f}x"
    )
    print(
        f"certificate PDF/A  median {archival[0] * 1000:7.1f} ms   p95 {archival[1] * 1000:7.1f} ms"
        f"   ratio {archival[0] / bare[0]:.2f}x"
    )

    gc.collect()
    before = _rss_mb()
    for i in range(args.memory_renders):
        render_template_pdf(TEMPLATE, _context(template, i), language="en", variant=ARCHIVAL)
    gc.collect()
    after = _rss_mb()
    print(
        f"memory: RSS {before:.1f} MB -> {after:.1f} MB over {args.memory_renders} renders "
        f"(+{after - before:.1f} MB)"
    )


if __name__ == "__main__":
    main()
