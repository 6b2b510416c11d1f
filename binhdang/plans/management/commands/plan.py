"""`binhdang plan import FILE --json`: parse a plan (.txt or .docx) and print its structure."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from binhdang.plans.importing import PlanFileError, read_plan_file


class Command(BaseCommand):
    help = "Kế hoạch: đọc tệp kế hoạch (.txt, .docx) và in cấu trúc đã nhận ra."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        importer = sub.add_parser("import", help="Đọc một tệp kế hoạch.")
        importer.add_argument("file", help="Đường dẫn tệp .txt hoặc .docx")
        importer.add_argument("--json", action="store_true", help="In kết quả dạng JSON.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}.")
        try:
            parsed = read_plan_file(path.name, path.read_bytes())
        except PlanFileError as exc:
            raise CommandError(str(exc)) from exc
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
