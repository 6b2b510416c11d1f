"""`binhdang legal sync`: load the registry of cited documents from its seed data."""

from django.core.management.base import BaseCommand

from binhdang.legal.services import registry_sync


class Command(BaseCommand):
    help = "Quản lý danh mục văn bản pháp lý được trích dẫn."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("sync", help="Nạp danh mục văn bản từ dữ liệu gốc (chạy lại không nhân đôi).")

    def handle(self, *args, **options):
        created, updated = registry_sync()
        self.stdout.write(f"Danh mục văn bản: thêm {created}, bổ sung {updated}.")
