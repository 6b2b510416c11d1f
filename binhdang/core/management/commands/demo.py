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
        cases = result.get("cases")
        if cases is None:
            self.stdout.write(self.style.WARNING(
                "Chưa cấu hình khoá niêm phong (BINHDANG_SEALING_KEYS): dữ liệu mẫu chưa có vụ việc bảo vệ học sinh."))
        elif cases.get("code"):
            self.stdout.write(
                f"Vụ việc mẫu ở Trường Tiểu học Lý Thường Kiệt: học sinh theo dõi tại /giup-do/theo-doi/ với mã "
                f"{cases['code']} và mật khẩu “{cases['passphrase']}”. Nhóm xử lý: tv.lythuongkiet (trưởng nhóm), "
                "gv.lythuongkiet; mở vụ việc cần bật xác thực hai bước ở /tai-khoan/bao-mat/.")
        else:
            self.stdout.write("Vụ việc mẫu đã có từ lần chạy trước (mã theo dõi chỉ in một lần).")
        contest = result.get("contest")
        if contest:
            self.stdout.write(
                f"Cuộc thi mẫu của phường Đống Đa: học sinh vào /cuoc-thi/vao/ trên điện thoại, mã lớp "
                f"{contest['join_code']} (lớp 4A1, Trường Tiểu học Lý Thường Kiệt), chọn em số {contest['number']}, "
                f"mã cá nhân {contest['pin']}.")
