"""`binhdang bench-data --schools N`: a synthetic country for the aggregation benchmark (see
indicators.bench). Generated units are coded "bench-…"; a second run refuses unless --replace."""

import time

from django.core.management.base import BaseCommand, CommandError

from binhdang.indicators import bench


class Command(BaseCommand):
    help = "Tạo dữ liệu giả lập cả nước (34 tỉnh, N trường) để đo hiệu năng tổng hợp chỉ số."

    def add_arguments(self, parser):
        parser.add_argument("--schools", type=int, default=52000, help="số trường (mặc định 52.000)")
        parser.add_argument("--seed", type=int, default=1, help="hạt giống ngẫu nhiên: cùng hạt, cùng số liệu")
        parser.add_argument("--staff", type=int, default=12, help="số cán bộ, giáo viên mỗi trường")
        parser.add_argument("--students", type=int, default=15, help="số học sinh mỗi trường")
        parser.add_argument("--activities", type=int, default=2, help="số hoạt động mỗi trường mỗi năm học")
        parser.add_argument("--replace", action="store_true", help="xoá dữ liệu bench cũ rồi tạo lại")

    def handle(self, *args, **options):
        if options["schools"] < 1 or options["staff"] < 1 or options["students"] < 1:
            raise CommandError("--schools, --staff và --students phải lớn hơn 0.")
        started = time.perf_counter()

        def progress(line: str) -> None:
            self.stdout.write(f"[{time.perf_counter() - started:7.1f} s] {line}")
            self.stdout.flush()

        try:
            counts = bench.generate(schools=options["schools"], seed=options["seed"], staff_per_school=options["staff"],
                                    students_per_school=options["students"],
                                    activities_per_year=options["activities"], replace=options["replace"],
                                    progress=progress)
        except bench.BenchDataExists as error:
            raise CommandError(str(error)) from error
        rows = sum(value for key, value in counts.items() if key not in ("provinces", "schools"))
        seconds = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(
            f"bench data: {rows:,} rows in {seconds:.1f} s ({rows / seconds:,.0f} rows/s)"))
