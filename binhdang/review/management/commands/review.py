"""`binhdang review FILE [--json]`: review one teaching material (DOCX, PDF with text, TXT) offline.

--json prints exactly {"female_share", "characters", "occupations", "activities", "flags": [{"line", "page",
"sentence", "rule", "explanation", "suggestion"}]}; without it, a readable summary.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from binhdang.review.analysis import ReadError, read_material, review_material
from binhdang.review.messages import read_error_message, rule_label


class Command(BaseCommand):
    help = _("Rà soát định kiến giới trong một tài liệu (.docx, .pdf có chữ, .txt).")
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("Đường dẫn tệp tài liệu"))
        parser.add_argument("--json", action="store_true", help=_("In kết quả dạng JSON"))

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(_("Không mở được tệp “%(name)s”: %(reason)s") % {
                "name": path, "reason": exc.strerror or exc}) from exc
        try:
            report = review_material(read_material(path.name, data))
        except ReadError as exc:
            raise CommandError(read_error_message(exc)) from exc
        result = report.to_json()
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        self._summary(report, result)

    def _summary(self, report, result):
        chars = result["characters"]
        share = result["female_share"]
        self.stdout.write(_("Tài liệu: %(name)s") % {"name": report.name})
        if report.legacy_encoding:
            self.stdout.write(_("Đã chuyển từ bảng mã %(enc)s sang Unicode.") % {"enc": report.legacy_encoding.upper()})
        self.stdout.write(_("Nhân vật: %(f)d nữ, %(m)d nam, %(a)d chưa xác định; tỉ lệ nữ: %(share)s") % {
            "f": chars["female"], "m": chars["male"], "a": chars["ambiguous"],
            "share": "—" if share is None else f"{round(share * 100)}%"})
        self.stdout.write(_("Câu có dấu hiệu định kiến giới: %(n)d") % {"n": len(result["flags"])})
        for flag in result["flags"]:
            where = flag["line"] if flag["line"] is not None else flag["page"]
            self.stdout.write(f"- [{where or '?'}] {rule_label(flag['rule'])}: {flag['sentence']}")
            self.stdout.write(f"    {flag['explanation']}")
            self.stdout.write("    → " + flag["suggestion"])
