"""`binhdang indicators <subcommand>`: work on indicator values from the command line.

`export --org CODE --period PERIOD --format csv|xlsx --output PATH` writes one row per unit (the
org and every unit under it on the period's reference date), indicator and disaggregation, with
the columns org, indicator, period, disaggregation, numerator, denominator, value.
Each subcommand is one entry of SUBCOMMANDS: (help, add its arguments, run it).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from binhdang.indicators import exporting, periods, selectors
from binhdang.indicators.exporting import Line
from binhdang.orgs.models import OrgUnit


def _export_arguments(parser) -> None:
    parser.add_argument("--org", required=True, help="Mã đơn vị (ví dụ so-gddt-ha-noi).")
    parser.add_argument("--period", required=True, help="Năm học, ví dụ 2025-2026.")
    # Checked in _export rather than by argparse `choices`, so the refusal is in Vietnamese.
    parser.add_argument("--format", required=True, help="csv hoặc xlsx.")
    parser.add_argument("--output", required=True, help="Đường dẫn tệp sẽ ghi ra.")


def _export(command: BaseCommand, options: dict) -> None:
    unit = OrgUnit.objects.filter(code=options["org"]).first()
    if unit is None:
        raise CommandError(f"Không có đơn vị mã “{options['org']}” (--org).")
    try:
        periods.parse(options["period"])
    except periods.PeriodError as exc:
        raise CommandError(f"--period: {exc}") from exc
    fmt = options["format"]
    if fmt not in exporting.FORMATS:
        raise CommandError(f"Định dạng “{fmt}” không hỗ trợ (--format): chọn csv hoặc xlsx.")
    output = Path(options["output"])
    if not output.parent.is_dir():
        raise CommandError(f"Không có thư mục {output.parent} (--output).")
    period = options["period"]
    lines = [Line(row_unit, key, cell, period) for row_unit, key, cell in selectors.export_rows(unit, period)]
    content, _type = exporting.render(exporting.table(lines, machine_only=True), fmt, "indicators")
    output.write_bytes(content)
    command.stdout.write(f"Đã ghi {len(lines)} dòng vào {output}.")


SUBCOMMANDS = {
    "export": ("Xuất số liệu chỉ số của một đơn vị và các đơn vị trực thuộc ra CSV hoặc XLSX.",
               _export_arguments, _export),
}


class Command(BaseCommand):
    help = "Chỉ số: các thao tác trên số liệu chỉ số."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", required=True)
        for name, (text, arguments, _run) in SUBCOMMANDS.items():
            arguments(sub.add_parser(name, help=text))

    def handle(self, *args, **options):
        _text, _arguments, run = SUBCOMMANDS[options["subcommand"]]
        run(self, options)
