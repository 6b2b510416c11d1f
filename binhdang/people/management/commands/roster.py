"""`binhdang roster import FILE --org CODE [--kind students|staff] [--dry-run] [--json]`.

Prints {"created": n, "updated": n, "errors": [{"row": r, "column": c, "message": m}]} with
--json; exits with status 1 when the file has problems (and then nothing is written).
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from binhdang.orgs.models import OrgUnit
from binhdang.people.importing.pipeline import KINDS, FileProblem, prepare
from binhdang.people.importing.services import roster_import
from binhdang.people.importing.validation import RowError


class Command(BaseCommand):
    help = "Nhập danh sách học sinh hoặc cán bộ của một trường từ tệp Excel/CSV."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        do_import = commands.add_parser("import", help="Nhập một tệp danh sách")
        do_import.add_argument("file", type=Path)
        do_import.add_argument("--org", required=True, help="mã trường (OrgUnit.code)")
        do_import.add_argument("--kind", choices=KINDS, help="mặc định: nhận biết từ tiêu đề cột")
        do_import.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra và đếm, không lưu")
        do_import.add_argument("--json", action="store_true", dest="as_json", help="in kết quả dạng JSON")

    def handle(self, *args, action, file, org, kind, dry_run, as_json, **options):
        unit = OrgUnit.objects.filter(code=org, valid_to__isnull=True).first()
        if unit is None:
            raise CommandError(f"Không có đơn vị đang hoạt động mã {org!r}.")
        if not unit.is_school:
            raise CommandError(f"{unit.name} không phải trường học: danh sách nhập theo từng trường.")
        if not file.is_file():
            raise CommandError(f"Không tìm thấy tệp {file}.")
        created = updated = 0
        try:
            with file.open("rb") as handle:
                prepared = prepare(handle, kind=kind)
        except FileProblem as exc:
            errors = [RowError(None, "", str(exc))]
        else:
            errors = prepared.errors
            if not errors:
                result = roster_import(actor=None, unit=unit, rows=prepared.people, kind=prepared.kind,
                                       present=prepared.present, dry_run=dry_run)
                created, updated = result.created, result.updated
        self._report(created, updated, errors, as_json=as_json, dry_run=dry_run)
        if errors:
            sys.exit(1)

    def _report(self, created, updated, errors, *, as_json, dry_run):
        if as_json:
            self.stdout.write(json.dumps({"created": created, "updated": updated,
                                          "errors": [e.as_dict() for e in errors]}, ensure_ascii=False))
            return
        for error in errors:
            self.stderr.write(str(error))
        if errors:
            self.stderr.write(f"{len(errors)} lỗi: không có thay đổi nào được lưu.")
        elif dry_run:
            self.stdout.write(f"Chạy thử: sẽ thêm mới {created}, cập nhật {updated} (chưa lưu gì).")
        else:
            self.stdout.write(f"Đã nhập: thêm mới {created}, cập nhật {updated}.")

