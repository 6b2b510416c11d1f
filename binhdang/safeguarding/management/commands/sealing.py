"""`binhdang sealing status|rotate|new-key`: the master keys of sealed data (issue 5)."""

import base64
import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from binhdang.config.env import MASTER_KEY_BYTES
from binhdang.safeguarding.rotation import BATCH_SIZE, rotate, status
from binhdang.safeguarding.sealing import SealingError


class Command(BaseCommand):
    help = "Khoá chính của dữ liệu niêm phong: status (thống kê), rotate (bọc lại khoá), new-key (tạo khoá)."
    # Runs without the system checks: it is how an operator diagnoses and fixes a missing key.
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("status", help="Số khoá dữ liệu theo từng khoá chính (không in khoá).")
        rotate_parser = sub.add_parser("rotate", help="Bọc lại mọi khoá dữ liệu bằng khoá chính hiện tại.")
        rotate_parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
        sub.add_parser("new-key", help="In một dòng khoá chính ngẫu nhiên mới (chỉ ra stdout).")

    def handle(self, *args, **options):
        action = options["action"]
        if action == "new-key":
            return self._new_key()
        if action == "status":
            return self._status()
        if options["batch_size"] < 1:
            raise CommandError("--batch-size phải lớn hơn 0.")
        try:
            result = rotate(batch_size=options["batch_size"])
        except SealingError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(
            f"Khoá chính hiện tại: {result.current_id}. Đã bọc lại {result.rewrapped} khoá dữ liệu; "
            f"{result.already_current} khoá đã dùng khoá chính hiện tại từ trước."
        ))

    def _configured(self):
        return getattr(settings, "BINHDANG_SEALING_KEYS", None)

    def _status(self):
        configured = self._configured()
        ids = configured.ids if configured else ()
        self.stdout.write(
            f"Khoá chính đã cấu hình: {', '.join(map(str, ids)) or 'không có'}"
            + (f" (hiện tại: {configured.current_id})" if configured else "")
        )
        counts = status()
        if not counts:
            self.stdout.write("Chưa có khoá dữ liệu niêm phong nào.")
        for key_id, count in counts.items():
            note = "" if key_id in ids else "  ← THIẾU khoá chính này / master key missing"
            self.stdout.write(f"khoá chính {key_id}: {count} khoá dữ liệu{note}")

    def _new_key(self):
        configured = self._configured()
        next_id = max(configured.ids) + 1 if configured else 1
        secret = base64.urlsafe_b64encode(os.urandom(MASTER_KEY_BYTES)).decode("ascii")
        self.stdout.write(f"{next_id}:{secret}")
        self.stderr.write(
            "Đặt dòng này ĐẦU TIÊN trong BINHDANG_SEALING_KEYS (giữ các khoá cũ phía sau), khởi động lại, "
            "rồi chạy `binhdang sealing rotate`. Không lưu khoá cùng bản sao lưu cơ sở dữ liệu."
        )
