"""`binhdang report consolidate --org CODE --request ID --output PATH.docx`: write the consolidation
of a request issued by that unit as a DOCX report, and its XLSX annex next to it (same stem)."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from binhdang.orgs.models import OrgUnit
from binhdang.reports.consolidation import consolidate
from binhdang.reports.consolidation_files import render_consolidation_docx, render_consolidation_xlsx
from binhdang.reports.models import ReportRequest


class Command(BaseCommand):
    help = "Báo cáo: tổng hợp báo cáo các trường của một yêu cầu."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        consolidator = sub.add_parser("consolidate", help="Ghi báo cáo tổng hợp (DOCX) và phụ lục (XLSX).")
        consolidator.add_argument("--org", required=True, help="Mã đơn vị đã gửi yêu cầu.")
        consolidator.add_argument("--request", required=True, help="Mã (uid) của yêu cầu báo cáo.")
        consolidator.add_argument("--output", required=True, help="Đường dẫn tệp .docx sẽ ghi ra.")

    def handle(self, *args, **options):
        code, request_id = options["org"], options["request"]
        unit = OrgUnit.objects.filter(code=code).first()
        if unit is None:
            raise CommandError(f"Không có đơn vị nào mã “{code}”.")
        try:
            request = ReportRequest.objects.select_related("issuer_unit__parent").get(uid=request_id)
        except (ReportRequest.DoesNotExist, ValueError, ValidationError) as exc:
            raise CommandError(f"Không có yêu cầu báo cáo nào mã “{request_id}”.") from exc
        if request.issuer_unit_id != unit.pk:
            raise CommandError(f"Yêu cầu “{request.title}” không phải do đơn vị “{unit.name}” (mã {code}) gửi.")
        output = Path(options["output"])
        if output.suffix.lower() != ".docx":
            raise CommandError(f"Tệp ra “{output}” phải có đuôi .docx (phụ lục .xlsx được ghi bên cạnh).")
        if output.is_dir() or not output.parent.is_dir():
            raise CommandError(f"Không ghi được vào “{output}”: thư mục chứa tệp không tồn tại.")
        data = consolidate(request)
        annex = output.with_suffix(".xlsx")
        try:
            output.write_bytes(render_consolidation_docx(data))
            annex.write_bytes(render_consolidation_xlsx(data))
        except OSError as exc:
            raise CommandError(f"Không ghi được tệp “{output}”: {exc.strerror or exc}.") from exc
        self.stdout.write(str(output))
        self.stdout.write(str(annex))
