"""`binhdang restore FILE [--yes]`: replaces the data and uploaded files with a backup's."""

from django.core.management.base import BaseCommand, CommandError

from binhdang.core.ops.backup import BackupError
from binhdang.core.ops.restore import restore_backup


class Command(BaseCommand):
    help = (
        "Khôi phục dữ liệu và tệp tải lên từ một bản sao lưu .zip. Dữ liệu hiện có bị thay thế; "
        "hãy dừng máy chủ web và tiến trình nền trước."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp .zip do `binhdang backup` tạo ra.")
        parser.add_argument(
            "--yes", action="store_true",
            help="Xác nhận xoá dữ liệu hiện có (bắt buộc khi cơ sở dữ liệu không trống).",
        )

    def handle(self, *args, **options):
        try:
            result = restore_backup(options["file"], confirm=options["yes"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(
            f"Đã khôi phục bản sao lưu tạo lúc {result.created_at}: "
            f"{result.rows} dòng dữ liệu, {result.media_files} tệp."
        ))
