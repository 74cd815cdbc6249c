"""Certificate rendering benchmark (not a test): `python -m tests.benchmarks.bench_certificates`.

Measures, in one process: median and p95 render time of a certificate (normal and PDF/A) against
a bare page rendered the same way (`training_site.core.pdf.render_pdf`: the same fetcher, the same
per-process font configuration) and using the same font faces as the certificate (Noto Serif
regular, bold and italic, Amiri regular and bold); and the growth of the process's resident
memory over N certificate renders. For reference it also times the bare page through plain
WeasyPrint (a new font configuration, the eight shipped fonts loaded for every document), which is
what every PDF cost before the font configuration was kept per process. The renders are
interleaved so that load from other processes falls on all of them alike. Needs no database.
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

from weasyprint import HTML  # noqa: E402

from certificates.models import CertificateSignatory, CertificateTemplate  # noqa: E402
from certificates.pdf import ARCHIVAL, build_context, render_context  # noqa: E402
from training_site.core.pdf import PDF_BASE_URL, ProjectFileFetcher, render_pdf  # noqa: E402

# The font faces the certificate uses, each once: Noto Serif regular, bold and (synthetic)
# italic, Amiri regular and bold.
BARE_BODY = """<body><h1>Certificate of Completion</h1>
<p class="ar" dir="rtl"><b>شهادة إتمام</b> عمر فاروق</p>
<p><i>This is to certify that</i> Omar Farouk</p></body></html>"""
BARE_STYLE = """<style>@page { size: A4 landscape; } body { font-family: "Noto Serif"; }
.ar { font-family: "Amiri"; direction: rtl; }</style></head>"""
BARE = f'<html lang="en"><head><meta charset="utf-8">{BARE_STYLE}{BARE_BODY}'
PLAIN = (
    '<html lang="en"><head><meta charset="utf-8">'
    '<link rel="stylesheet" href="/static/css/pdf-fonts.css">'
    f"{BARE_STYLE}{BARE_BODY}"
)


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


def _plain_weasyprint(html):
    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=ProjectFileFetcher()).write_pdf()


def _interleaved(functions: dict, n: int) -> dict:
    """Time each function n times, round-robin: {name: (median, p95, median CPU)} in seconds.

    CPU time (this process's) is the steadier figure on a machine shared with other work.
    """
    times = {name: [] for name in functions}
    cpu = {name: [] for name in functions}
    for _ in range(n):
        for name, fn in functions.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()
            times[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    result = {}
    for name, values in times.items():
        values.sort()
        result[name] = (
            statistics.median(values),
            values[max(0, int(len(values) * 0.95) - 1)],
            statistics.median(cpu[name]),
        )
    return result


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize() / 2**20


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=30, help="renders per timing")
    parser.add_argument("--memory-renders", type=int, default=500)
    args = parser.parse_args()
    template = _template()
    functions = {
        "bare page": lambda: render_pdf(BARE),
        "certificate": lambda: render_context(_context(template, 1), variant=None),
        "certificate PDF/A": lambda: render_context(_context(template, 1), variant=ARCHIVAL),
        "bare page, plain WeasyPrint": lambda: _plain_weasyprint(PLAIN),
    }
    for fn in functions.values():  # warm up fonts and caches
        fn()
    timings = _interleaved(functions, args.n)
    bare, bare_cpu = timings["bare page"][0], timings["bare page"][2]
    for name, (median, p95, median_cpu) in timings.items():
        print(
            f"{name:28s} median {median * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms  "
            f"CPU {median_cpu * 1000:6.1f} ms   ratio to bare page {median / bare:.2f}x "
            f"(CPU {median_cpu / bare_cpu:.2f}x)"
        )

    gc.collect()
    before = _rss_mb()
    for i in range(args.memory_renders):
        render_context(_context(template, i), variant=ARCHIVAL)
    gc.collect()
    after = _rss_mb()
    print(
        f"memory: RSS {before:.1f} MB -> {after:.1f} MB over {args.memory_renders} PDF/A renders "
        f"(+{after - before:.1f} MB)"
    )


if __name__ == "__main__":
    main()
