"""Aggregation benchmark: indicator figures read from rollups against a SQL GROUP BY over the records.

    .venv/bin/python benchmarks/aggregation.py [--schools 52000] [--repeat 7] [--seed 1]
    scripts/with-postgres.sh .venv/bin/python benchmarks/aggregation.py      # the same on PostgreSQL

Runs on a temporary SQLite database (its own var/ directory), or on the database of DATABASE_URL
when it is set (meant for the throwaway server of scripts/with-postgres.sh). Builds a synthetic
country with `binhdang bench-data` (34 provinces, communes, `--schools` schools with rosters and
activities over five school years, indicator values and rollups of the five periods), then times,
in the same run, each after a warm-up as the median of `--repeat`:

  1. province dashboard  ours: the Rollup rows of every active indicator for one province, and the
                         table of its communes and directly attached schools for one indicator.
                         SQL: the GROUP BY over the staff records giving the same two figures
                         (women among managers) for that province and each of its children.
  2. national roll-up    ours: the Rollup rows of every active indicator at the national root (also
                         shown: Σ of the 34 provinces' rows). SQL: the GROUP BY over every staff
                         record of the country for the same figure.
  3. one changed record  ours: a manager's sex saved through the ORM (the refresh signal recomputes
                         the school and moves the rollups up the tree), then the national figure
                         read back. SQL: the same UPDATE as raw SQL, then the national GROUP BY.

Each line prints both times and the ratio ours / SQL; the figures of both ways are checked equal.
The SQL side computes one indicator where ours reads all of them: the comparison favours the SQL.
"""

import argparse
import tempfile
from pathlib import Path

from _django import django_in
from _django import median_of as _median
from _django import timed as _timed  # benchmarks/ is on sys.path when a script runs

MANAGERS = ("principal", "vice_principal")


def _line(label: str, ours: float, sql: float) -> None:
    print(f"{label:<44} ours {ours * 1000:9.2f} ms   SQL {sql * 1000:9.2f} ms   ratio {ours / sql:7.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=52000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="binhdang-bench-") as tmp_name:
        django_in(Path(tmp_name), database_from_env=True)
        from django.core.management import call_command
        from django.db import connection
        from django.db.models import Q

        from binhdang.indicators.models import Indicator, Rollup
        from binhdang.indicators.periods import current, reference_date
        from binhdang.orgs.models import OrgUnit, ParentLink
        from binhdang.people.models import StaffMember

        version = connection.Database.sqlite_version if connection.vendor == "sqlite" else connection.pg_version
        print(f"database: {connection.vendor} {version}")
        _, seconds = _timed(lambda: call_command("bench_data", schools=args.schools, seed=args.seed))
        print(f"data generation: {args.schools:,} schools in {seconds:.1f} s ({args.schools / seconds:,.0f} schools/s)")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh tables: give the planner statistics, as autovacuum would

        period = current()
        day = reference_date(period)
        root = OrgUnit.objects.get(code="bench-bo")
        province = OrgUnit.objects.get(code="bench-p01")
        indicator = Indicator.objects.get(computation="women_managers_share")
        active = Indicator.objects.filter(is_active=True).count()
        print(f"period {period}; {active} active indicators; "
              f"{Rollup.objects.filter(period=period).count():,} rollup rows in the period")

        def dashboard():
            figures = list(Rollup.objects.filter(unit=province, period=period, indicator__is_active=True)
                           .values_list("indicator_id", "disaggregation", "numerator", "denominator", "reporting"))
            # The province's children as the tree stood on the period's reference date, then their rows
            # by the unique (unit, indicator, period, disaggregation) index.
            children = list(ParentLink.objects.filter(
                Q(valid_from__lte=day) | Q(valid_from__isnull=True), Q(valid_to__gt=day) | Q(valid_to__isnull=True),
                parent=province).values_list("unit_id", flat=True))
            table = list(Rollup.objects.filter(unit_id__in=children, indicator=indicator, period=period,
                                               disaggregation="")
                         .values_list("unit_id", "unit__name", "numerator", "denominator", "reporting"))
            return figures, table

        # Hand-written SQL over the records: the subtree as a range on the materialised path (index).
        low, high = province.path, province.path[:-1] + "/"
        staff = StaffMember._meta.db_table
        units = OrgUnit._meta.db_table
        where = "s.is_active = %s AND s.position IN (%s, %s) AND u.path >= %s AND u.path < %s"
        figure_sql = (f"SELECT SUM(CASE WHEN s.sex = 'F' THEN 1 ELSE 0 END), COUNT(*) FROM {staff} s "
                      f"JOIN {units} u ON u.id = s.unit_id WHERE {where}")
        table_sql = (f"SELECT CASE WHEN u.parent_id = %s THEN u.id ELSE u.parent_id END AS child, "
                     f"SUM(CASE WHEN s.sex = 'F' THEN 1 ELSE 0 END), COUNT(*) FROM {staff} s "
                     f"JOIN {units} u ON u.id = s.unit_id WHERE {where} GROUP BY child")

        def sql(statement, params, many=False):
            with connection.cursor() as cursor:
                cursor.execute(statement, params)
                return cursor.fetchall() if many else cursor.fetchone()

        def sql_dashboard():
            params = [True, *MANAGERS, low, high]
            return sql(figure_sql, params), sql(table_sql, [province.pk, *params], many=True)

        (figures, table), ours = _median(args.repeat, dashboard)
        (figure, rows), by_sql = _median(args.repeat, sql_dashboard)
        mine = {(i, k): (n, d) for i, k, n, d, _r in figures}
        assert mine[(indicator.pk, "")] == tuple(figure), (mine[(indicator.pk, "")], figure)
        assert {u: (n, d) for u, _name, n, d, _r in table} == {c: (w, a) for c, w, a in rows}
        print(f"1. province dashboard ({len(figures)} figures, table of {len(table)} communes/schools)")
        _line("   figures + table of the province", ours, by_sql)

        def national():
            return list(Rollup.objects.filter(unit=root, period=period, indicator__is_active=True)
                        .values_list("indicator_id", "disaggregation", "numerator", "denominator"))

        def national_from_provinces():
            from django.db.models import Sum

            return list(Rollup.objects.filter(unit__parent=root, period=period, indicator__is_active=True)
                        .values("indicator_id", "disaggregation").annotate(n=Sum("numerator"), d=Sum("denominator"))
                        .order_by())

        national_params = [True, *MANAGERS, root.path, root.path[:-1] + "/"]

        def sql_national():
            return sql(figure_sql, national_params)

        nation, ours = _median(args.repeat, national)
        summed, ours_sum = _median(args.repeat, national_from_provinces)
        figure, by_sql = _median(args.repeat, sql_national)
        mine = {(i, k): (n, d) for i, k, n, d in nation}
        assert mine[(indicator.pk, "")] == tuple(figure)
        assert {(r["indicator_id"], r["disaggregation"]): (r["n"], r["d"]) for r in summed} == mine
        print(f"2. national roll-up ({len(nation)} figures; women managers {figure[0]:,} / {figure[1]:,})")
        _line("   national root's rows", ours, by_sql)
        _line("   Σ of the 34 provinces' rows", ours_sum, by_sql)

        member = StaffMember.objects.filter(unit__path__startswith=province.path, position="principal").first()

        def changed_record():
            member.sex = "M" if member.sex == "F" else "F"
            member.save()
            return Rollup.objects.filter(unit=root, indicator=indicator, period=period, disaggregation="") \
                .values_list("numerator", "denominator").get()

        def sql_changed_record():
            sex = "M" if member.sex == "F" else "F"
            member.sex = sex
            with connection.cursor() as cursor:
                cursor.execute(f"UPDATE {staff} SET sex = %s WHERE id = %s", [sex, member.pk])
            return sql(figure_sql, national_params)

        after, ours = _median(args.repeat, changed_record)
        assert after == tuple(sql(figure_sql, national_params)), "the rollup missed the change"
        figure, by_sql = _median(args.repeat, sql_changed_record)
        print("3. one changed record → national figure")
        _line("   save() + refresh + rollups + read", ours, by_sql)
        print("   (SQL: raw UPDATE + national GROUP BY; the rollups stay stale on that path)")


if __name__ == "__main__":
    main()
