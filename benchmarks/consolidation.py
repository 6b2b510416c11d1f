"""Consolidation benchmark (issue 7): a province consolidates the reports of its 1,000 schools.

    .venv/bin/python benchmarks/consolidation.py [--schools 1000] [--handed-in 0.9] [--repeat 5] [--seed 1]
    scripts/with-postgres.sh .venv/bin/python benchmarks/consolidation.py      # the same on PostgreSQL

Runs on a temporary SQLite database (or DATABASE_URL when set, as benchmarks/aggregation.py).
Builds a synthetic country of ONE province with `--schools` schools through `binhdang bench-data`
(the generator's province count is set to 1 for the run: the measured province is the whole
country, so nothing is generated for 33 provinces nobody reads), then a sent request of that
province for the current school year with four indicators, and a submitted report with a
highlights section for `--handed-in` of the schools (bulk_create). Timed in the same process,
each after a warm-up as the median of `--repeat`:

  1. consolidate(request)                    the issuer's figures, activities, tracking, highlights
  2. DOCX bytes                              render_consolidation_docx of a ready consolidation
  3. XLSX bytes                              render_consolidation_xlsx of a ready consolidation
  4. the whole download                      consolidate + DOCX + XLSX

against one baseline: the aggregation queries alone, run directly — the Rollup rows of the
province and every unit below it for the request's indicators, the one grouped activities query
over the expected schools, the request's tracking read and the suppressed student-protection
totals. Each line prints the ratio ours / baseline.
"""

import argparse
import datetime as dt
import io
import tempfile
from pathlib import Path

from _django import django_in
from _django import median_of as _median
from _django import timed as _timed  # benchmarks/ is on sys.path when a script runs

HIGHLIGHTS = ("Tổ chức chuyên đề “Bình đẳng giới trong nhà trường” cho toàn trường.\n"
              "Câu lạc bộ Em yêu bình đẳng sinh hoạt hằng tháng, 40 học sinh tham gia.\n"
              "Hộp thư tư vấn tiếp nhận 12 lượt hỏi, đã trả lời đủ.\n"
              "Giáo viên chủ nhiệm lồng ghép nội dung vào giờ sinh hoạt lớp.")


def _line(label: str, ours: float, base: float) -> None:
    print(f"{label:<34} {ours * 1000:9.2f} ms   baseline {base * 1000:9.2f} ms   ratio {ours / base:7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=1000)
    parser.add_argument("--handed-in", type=float, default=0.9, help="share of the schools that submitted")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="binhdang-bench-") as tmp_name:
        django_in(Path(tmp_name), database_from_env=True)
        from django.core.management import call_command
        from django.db import connection
        from django.db.models import Count, Q, Sum
        from django.utils import timezone

        from binhdang.activities.models import Activity, ActivityStatus
        from binhdang.indicators import bench, periods
        from binhdang.indicators.models import Indicator, Rollup
        from binhdang.orgs.models import OrgUnit
        from binhdang.reports.consolidation import consolidate
        from binhdang.reports.consolidation_files import render_consolidation_docx, render_consolidation_xlsx
        from binhdang.reports.drafting import _bounds
        from binhdang.reports.models import Report, ReportKind, ReportRequest, ReportStatus
        from binhdang.reports.tracking import request_tracking
        from binhdang.safeguarding.statistics import case_count_totals

        version = connection.Database.sqlite_version if connection.vendor == "sqlite" else connection.pg_version
        print(f"database: {connection.vendor} {version}")
        bench.PROVINCES = 1  # read by build_tree at call time: one province holds every school
        _, seconds = _timed(lambda: call_command("bench_data", schools=args.schools, seed=args.seed,
                                                 stdout=io.StringIO()))
        print(f"data generation: 1 province, {args.schools:,} schools in {seconds:.1f} s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

        province = OrgUnit.objects.get(code="bench-p01")
        period = periods.current()
        start, end = periods.parse(period)
        today = timezone.localdate()
        request = ReportRequest.objects.create(
            issuer_unit=province, kind=ReportKind.YEAR_END, title=f"Báo cáo tổng kết năm học {period}",
            period=period, covers_from=start, covers_to=end, due_on=today - dt.timedelta(days=1),
            sections=[{"title": "Kết quả nổi bật"}], sent_at=timezone.now())
        indicators = list(Indicator.objects.filter(is_active=True).order_by("position", "code")[:4])
        request.indicators.set(indicators)
        schools = list(OrgUnit.objects.filter(kind="school", path__startswith=province.path).order_by("pk"))
        handed = schools[:round(len(schools) * args.handed_in)]
        submitted = timezone.now() - dt.timedelta(days=2)
        Report.objects.bulk_create([
            Report(request=request, unit=school, status=ReportStatus.SUBMITTED, title=request.title,
                   number=f"{n}/BC-THPT", submitted_at=submitted,
                   content=[{"kind": "highlights", "title": "Kết quả nổi bật", "text": HIGHLIGHTS}])
            for n, school in enumerate(handed, start=1)], batch_size=1000)
        print(f"request: {len(indicators)} indicators, {len(schools):,} schools expected, "
              f"{len(handed):,} reports handed in, period {period}")

        wanted = [i.pk for i in indicators]
        low, high = _bounds(request)

        def baseline():
            figures = list(Rollup.objects.filter(unit__path__startswith=province.path, period=period,
                                                 indicator__in=wanted)
                           .values_list("unit_id", "indicator_id", "disaggregation", "numerator", "denominator"))
            tracking = request_tracking(request)
            expected = [row["school"] for row in tracking.rows]
            activities = list(Activity.objects.filter(
                unit__in=expected, status=ActivityStatus.DONE, starts_at__gte=low, starts_at__lt=high)
                .values("unit_id").annotate(
                    n=Count("id", distinct=True),
                    F=Sum("participations__count", filter=Q(participations__sex="F")),
                    M=Sum("participations__count", filter=Q(participations__sex="M")),
                    U=Sum("participations__count", filter=Q(participations__sex="U"))))
            protection = case_count_totals(province, request.covers_from, request.covers_to)
            return figures, tracking, activities, protection

        (figures, tracking, activities, _protection), base = _median(args.repeat, baseline)
        data, t_consolidate = _median(args.repeat, lambda: consolidate(request))
        docx, t_docx = _median(args.repeat, lambda: render_consolidation_docx(data))
        xlsx, t_xlsx = _median(args.repeat, lambda: render_consolidation_xlsx(data))
        _, t_whole = _median(args.repeat, lambda: (render_consolidation_docx(d := consolidate(request)),
                                                   render_consolidation_xlsx(d)))
        totals = data.activity_totals
        assert len(data.tracking_rows) == len(tracking.rows) == len(schools)
        assert totals["activities"] == sum(r["n"] for r in activities)
        print(f"baseline read: {len(figures):,} rollup rows, {len(activities):,} schools with activities, "
              f"tracking of {len(tracking.rows):,} schools")
        print(f"consolidation: {len(data.figures):,} figure rows, {totals['activities']:,} activities, "
              f"{len(data.missing):,} missing, {len(data.highlights):,} schools' highlights; "
              f"DOCX {len(docx) / 1024:,.0f} KiB, XLSX {len(xlsx) / 1024:,.0f} KiB")
        _line("1. consolidate(request)", t_consolidate, base)
        _line("2. DOCX bytes", t_docx, base)
        _line("3. XLSX bytes", t_xlsx, base)
        _line("4. consolidate + DOCX + XLSX", t_whole, base)


if __name__ == "__main__":
    main()
