"""`binhdang backup`: the database and the uploaded files in one .zip (see core/ops/backup.py)."""

from django.core.management.base import BaseCommand, CommandError

from binhdang.core.ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Sao lưu toàn bộ dữ liệu và tệp tải lên vào một tệp .zip "
        "(mặc định var/backups/binhdang-YYYYmmdd-HHMMSS.zip)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="Đường dẫn tệp .zip cần tạo.")

    def handle(self, *args, **options):
        try:
            result = create_backup(options["output"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        size_mb = result.size_bytes / (1024 * 1024)
        self.stdout.write(self.style.SUCCESS(
            f"Đã sao lưu vào {result.path} ({result.rows} dòng dữ liệu, "
            f"{result.media_files} tệp, {size_mb:.1f} MB)."
        ))
