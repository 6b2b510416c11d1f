"""`binhdang bench-data` at a small N: the counts it promises, rollups equal to a recount from the
records, refusal to mix with an earlier run unless --replace, and the hyphenated command name."""

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Q, Sum

from binhdang import cli
from binhdang.activities.models import Activity
from binhdang.indicators.models import DataValue, Indicator, Rollup
from binhdang.indicators.periods import current, recent
from binhdang.orgs.models import OrgUnit, ParentLink
from binhdang.people.models import CadreAssignment, Enrollment, StaffMember, Student

pytestmark = pytest.mark.django_db


def generate(**options):
    call_command("bench_data", schools=60, seed=7, stdout=open("/dev/null", "w"), **options)


def managers_recount(unit: OrgUnit) -> tuple[int, int]:
    row = StaffMember.objects.filter(unit__path__startswith=unit.path, is_active=True,
                                     position__in=["principal", "vice_principal"]).aggregate(
        all=Count("id"), women=Count("id", filter=Q(sex="F")))
    return row["women"], row["all"]


def test_counts_and_rollups_equal_a_recount():
    generate()
    bench = OrgUnit.objects.filter(code__startswith="bench-")
    assert bench.filter(kind="ministry").count() == 1
    assert bench.filter(kind="department").count() == 34
    assert bench.filter(kind="school").count() == 60
    assert set(bench.filter(kind="school").values_list("school_level", flat=True)) >= {"primary", "upper_secondary"}
    # Every unit but the root has its parent link, so the rollups follow the tree.
    assert ParentLink.objects.filter(unit__code__startswith="bench-").count() == bench.count() - 1
    assert StaffMember.objects.filter(unit__code__startswith="bench-").count() == 60 * 12
    assert Student.objects.filter(unit__code__startswith="bench-").count() == 60 * 15
    assert Enrollment.objects.filter(student__unit__code__startswith="bench-").count() == 60 * 15 * 5
    assert CadreAssignment.objects.filter(enrollment__student__unit__code__startswith="bench-").count() == 60 * 3 * 5
    for period in recent(5):
        first, last = (f"{period[:4]}-09-01", f"{period[5:]}-08-31")
        assert Activity.objects.filter(unit__code__startswith="bench-", starts_at__date__range=(first, last)).count() \
            == 60 * 2
    indicator = Indicator.objects.get(computation="women_managers_share")
    root = bench.get(kind="ministry")
    national = Rollup.objects.get(unit=root, indicator=indicator, period=current(), disaggregation="")
    assert (national.numerator, national.denominator) == managers_recount(root)
    assert national.reporting == 60
    for province in bench.filter(kind="department"):
        row = Rollup.objects.filter(unit=province, indicator=indicator, period=current(), disaggregation="").first()
        expected = managers_recount(province)
        assert ((row.numerator, row.denominator) if row else (0, 0)) == expected
    values = DataValue.objects.filter(indicator=indicator, period=current(), disaggregation="").aggregate(
        num=Sum("numerator"), den=Sum("denominator"))
    assert (values["num"], values["den"]) == (national.numerator, national.denominator)


def test_a_second_run_refuses_unless_replace_and_the_seed_fixes_the_figures():
    generate()

    def national():
        return Rollup.objects.filter(unit__code="bench-bo", indicator__computation="women_managers_share",
                                     period=current(),
                                     disaggregation="").values_list("numerator", "denominator").get()

    first = national()
    with pytest.raises(CommandError, match="--replace"):
        generate()
    generate(replace=True)
    assert OrgUnit.objects.filter(code__startswith="bench-", kind="school").count() == 60
    assert StaffMember.objects.filter(unit__code__startswith="bench-").count() == 60 * 12
    assert national() == first


def test_the_hyphenated_name_runs_through_the_console_entry_point(monkeypatch, capsys):
    monkeypatch.setattr("sys.argv", ["binhdang", "bench-data", "--help"])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 0
    assert "--schools" in capsys.readouterr().out
