"""`binhdang plan import FILE --json`: parse a plan (.txt or .docx) and print its structure;
`binhdang plan import FILE --save --org CODE`: save it as a draft plan of that unit and print its id;
`binhdang plan export PLAN_ID --format docx|pdf --output PATH`: write the plan as an official document."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from binhdang.documents.rendering.docx import render_docx
from binhdang.documents.rendering.pdf import PdfRenderError, render_pdf
from binhdang.orgs.models import OrgUnit
from binhdang.plans import selectors
from binhdang.plans.exporting import plan_to_document
from binhdang.plans.importing import PlanFileError, read_plan_file
from binhdang.plans.models import ExportFormat, Plan, PlanKind
from binhdang.plans.services import plan_create_from_parsed


class Command(BaseCommand):
    help = "Kế hoạch: đọc tệp kế hoạch (.txt, .docx) và in cấu trúc đã nhận ra."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        importer = sub.add_parser("import", help="Đọc một tệp kế hoạch.")
        importer.add_argument("file", help="Đường dẫn tệp .txt hoặc .docx")
        importer.add_argument("--json", action="store_true", help="In kết quả dạng JSON.")
        importer.add_argument("--save", action="store_true", help="Lưu thành kế hoạch dự thảo; in mã (uid) kế hoạch.")
        importer.add_argument("--org", help="Mã đơn vị ban hành (bắt buộc khi --save).")
        importer.add_argument("--kind", choices=PlanKind.values, default=PlanKind.YEARLY, help="Loại kế hoạch.")
        importer.add_argument("--year", type=int, help="Năm của kế hoạch (mặc định: đọc từ trích yếu).")
        exporter = sub.add_parser("export", help="Xuất một kế hoạch ra tệp DOCX hoặc PDF (thể thức Nghị định 30).")
        exporter.add_argument("plan_id", metavar="PLAN_ID", help="Mã (uid) của kế hoạch.")
        exporter.add_argument("--format", choices=ExportFormat.values, default=ExportFormat.DOCX,
                              help="Định dạng tệp (mặc định: docx).")
        exporter.add_argument("--output", required=True, help="Đường dẫn tệp sẽ ghi ra.")

    def handle(self, *args, **options):
        if options["action"] == "export":
            self._export(options)
            return
        path = Path(options["file"])
        unit = self._unit(options) if options["save"] else None
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}.")
        try:
            parsed = read_plan_file(path.name, path.read_bytes())
        except PlanFileError as exc:
            raise CommandError(str(exc)) from exc
        if unit is not None:
            plan = plan_create_from_parsed(actor=None, unit=unit, parsed=parsed, kind=options["kind"],
                                           year=options["year"])
            self.stdout.write(str(plan.uid))
            return
        data = parsed.to_json_dict()
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"Tiêu đề: {data['title']}")
        self.stdout.write(f"Căn cứ, trích dẫn: {len(data['citations'])} văn bản")
        self.stdout.write(f"Nhóm nhiệm vụ: {len(data['tasks'])}; chỉ tiêu: {len(data['targets'])}")
        self.stdout.write(f"Nơi nhận: {len(data['recipients'])}")
        signer = data["signer"]
        self.stdout.write("Người ký: " + (f"{signer['position']} {signer['name']}" if signer else "không tìm thấy"))
        for warning in data.get("warnings", []):
            self.stdout.write(self.style.WARNING(f"Cảnh báo: {warning}"))
        for item in data["unparsed"]:
            self.stdout.write(self.style.WARNING(f"Chưa xếp được dòng {item['line']}: {item['text']}"))

    def _unit(self, options) -> OrgUnit:
        code = options["org"]
        if options["json"]:
            raise CommandError("Chọn một trong hai: --json (chỉ đọc) hoặc --save (lưu).")
        if not code:
            raise CommandError("Cần --org MÃ_ĐƠN_VỊ để lưu kế hoạch (đơn vị ban hành).")
        unit = OrgUnit.objects.filter(code=code).first()
        if unit is None:
            raise CommandError(f"Không có đơn vị nào mã “{code}”.")
        if unit.is_closed:
            raise CommandError(f"Đơn vị “{unit.name}” (mã {code}) đã đóng, không thể ban hành kế hoạch.")
        return unit

    def _export(self, options) -> None:
        plan_id = options["plan_id"]
        try:
            plan = selectors.plan_for_reading().get(uid=plan_id)
        except (Plan.DoesNotExist, ValueError, ValidationError) as exc:
            raise CommandError(f"Không có kế hoạch nào mã “{plan_id}”.") from exc
        output = Path(options["output"])
        if output.is_dir():
            raise CommandError(f"“{output}” là một thư mục: hãy ghi cả tên tệp, ví dụ {output / 'ke-hoach.docx'}.")
        data = render_docx(plan_to_document(plan))
        if options["format"] == ExportFormat.PDF:
            try:
                data = render_pdf(data)
            except PdfRenderError as exc:
                raise CommandError(str(exc)) from exc
        try:
            output.write_bytes(data)
        except OSError as exc:
            raise CommandError(f"Không ghi được tệp “{output}”: {exc.strerror or exc}.") from exc
        self.stdout.write(str(output))
