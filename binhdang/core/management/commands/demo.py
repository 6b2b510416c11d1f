"""`binhdang demo`: build (or complete) the demo data from the two seed schools."""

from django.core.management.base import BaseCommand

from binhdang.core.demo.builder import build_demo


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu từ hai trường trong kế hoạch mẫu (chạy lại nhiều lần không nhân đôi)."

    def handle(self, *args, **options):
        result = build_demo()
        self.stdout.write(self.style.SUCCESS(f"Dữ liệu mẫu sẵn sàng (năm học {result['school_year']})."))
        if result["plans"] is None:
            self.stdout.write(self.style.WARNING(
                "Không tìm thấy hai kế hoạch mẫu (../shared/seeds hoặc BINHDANG_SEEDS_DIR): "
                "dữ liệu mẫu chưa có kế hoạch."))
        else:
            self.stdout.write(f"Kế hoạch mẫu: {len(result['plans'])} kế hoạch nhập từ tệp mẫu.")
        source = "sinh ngẫu nhiên, lưu trong var/demo_password" if result["generated"] else "BINHDANG_DEMO_PASSWORD"
        self.stdout.write(f"Mật khẩu chung của các tài khoản mẫu ({source}): {result['password']}")
        for username, role, unit in result["logins"]:
            self.stdout.write(f"  {username:<18} {role:<28} {unit}")
