"""`binhdang remind [--date YYYY-MM-DD] [--enqueue]`: the daily reminders (deadlines soon,
activities not yet reported), in-app and by e-mail, and the case teams' overdue case clocks
(in-app only, content-free). Safe to run more than once a day."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from binhdang.activities.reminders import send_reminders
from binhdang.activities.tasks import run_reminders
from binhdang.safeguarding.clocks import overdue_cases_notify


def _date(raw: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise CommandError(f"--date {raw!r}: cần ngày dạng YYYY-MM-DD, ví dụ 2026-11-16.") from None


class Command(BaseCommand):
    help = "Gửi nhắc việc: nhiệm vụ sắp đến hạn, hoạt động chưa báo cáo (thông báo và e-mail)."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=_date, help="ngày chạy (YYYY-MM-DD), mặc định hôm nay")
        parser.add_argument("--enqueue", action="store_true",
                            help="đưa vào hàng đợi để tiến trình nền (db_worker) gửi, thay vì gửi ngay")

    def handle(self, *args, date=None, enqueue=False, **options):
        day = date or timezone.localdate()
        if enqueue:
            result = run_reminders.enqueue(day.isoformat())
            self.stdout.write(f"Đã đưa nhắc việc ngày {day:%d/%m/%Y} vào hàng đợi ({result.id}).")
            return
        created, emailed = send_reminders(day)
        self.stdout.write(f"Nhắc việc ngày {day:%d/%m/%Y}: {created} thông báo mới, {emailed} e-mail đã gửi.")
        # Case clocks are about this moment, not --date: an overdue case is overdue now.
        overdue = overdue_cases_notify(timezone.now())
        self.stdout.write(f"Vụ việc quá hạn: {overdue} thông báo mới.")
