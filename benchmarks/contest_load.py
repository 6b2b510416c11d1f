"""Contest load test: 500 students answering at the same time against the production server.

    .venv/bin/python benchmarks/contest_load.py [--students 500] [--questions 6]

Prepares a temporary SQLite database (its own var/ directory: migrated, so the starter bank is
there; one school, classes of 40, a contest), then starts the server of `make run` as
scripts/serve.sh does (gunicorn, 2 workers × 4 threads, and the db_worker) on a free loopback
port. Every student is a thread with its own cookies, using only http.client: open the class
page, sign in with the personal code, load the attempt page; when all are in, all answer their
questions at once (each answer a POST like the page's fetch), then submit.

Checks: every response has the expected status; afterwards the database holds exactly the
answers the server acknowledged (no lost answer), every attempt is submitted, and the worker has
carried the participants into the contest's activity. Prints answers/second, and the requests/
second of a minimal Django view (/bench-minimal/, the same gunicorn and middleware) driven by
the same number of threads in the same run, and their ratio. Bounded: every request has a
timeout and the whole run stops after --budget seconds.
"""

import argparse
import base64
import http.client
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from _django import django_in  # benchmarks/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 60
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khoa", "Lan", "Minh", "Ngân", "Phúc", "Quân"]


def prepare(students: int, questions: int) -> list[tuple[str, int, str]]:
    """School, classes of 40, a contest; returns (join code, number, pin) per student."""
    import datetime as dt

    from django.utils import timezone

    from binhdang.accounts.models import Membership, User
    from binhdang.contests import services
    from binhdang.contests.models import Entrant
    from binhdang.orgs.models import SchoolClass, SchoolYear
    from binhdang.people.models import Enrollment, Student
    from binhdang.testing import make_unit

    school = make_unit("bench-contest", "school", level="lower_secondary", name="Trường THCS Thử tải")
    teacher = User.objects.create_user(username="bench-teacher", password=base64.b64encode(os.urandom(12)).decode())
    Membership.objects.create(user=teacher, unit=school, role="teacher")
    year = SchoolYear.objects.get_or_create(code="2026-2027", defaults={
        "starts_on": dt.date(2026, 9, 1), "ends_on": dt.date(2027, 5, 31)})[0]
    rng = random.Random(2026)
    classes = []
    for index in range((students + 39) // 40):
        classes.append(SchoolClass.objects.create(unit=school, school_year=year, name=f"{6 + index % 4}A{index}",
                                                  grade=6 + index % 4))
    people = []
    for n in range(students):
        person = Student(unit=school, family_name=rng.choice(FAMILY), middle_name="Thị" if n % 2 else "Văn",
                         given_name=f"{rng.choice(GIVEN)} {n}", sex="F" if n % 2 else "M")
        person.refresh_derived()
        people.append(person)
    Student.objects.bulk_create(people)
    Enrollment.objects.bulk_create(Enrollment(student=p, school_class=classes[i // 40], school_year=year)
                                   for i, p in enumerate(Student.objects.filter(unit=school).order_by("pk")))
    now = timezone.now()
    services.contest_create(actor=teacher, unit=school, classes=classes, data={
        "title": "Thử tải", "opens_at": now - dt.timedelta(minutes=5), "closes_at": now + dt.timedelta(hours=2),
        "time_limit_minutes": 60, "question_count": questions, "max_attempts": 1, "shuffle": True, "topics": []})
    return list(Entrant.objects.values_list("contest_class__join_code", "number", "pin"))


class Browser:
    """One student's cookies over http.client (a new connection per request: nothing is shared)."""

    def __init__(self, port: int):
        self.port, self.cookies = port, SimpleCookie()

    def request(self, method: str, path: str, body: dict | None = None, headers: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        sent = {"Cookie": "; ".join(f"{k}={v.value}" for k, v in self.cookies.items()), **(headers or {})}
        data = None
        if body is not None:
            data = urlencode(body, doseq=True)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        try:
            connection.request(method, path, body=data, headers=sent)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for value in response.headers.get_all("Set-Cookie") or []:
                self.cookies.load(value)
            return response.status, response.getheader("Location", ""), text
        finally:
            connection.close()


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM = re.compile(r'<form class="card question".*?</form>', re.S)
QUESTION = re.compile(r'name="question" value="([0-9a-f-]+)"')
CHOICE = re.compile(r'name="choice" value="(\d+)"')


class Student(threading.Thread):
    def __init__(self, port: int, credentials, barrier: threading.Barrier, results: dict):
        super().__init__(daemon=True)
        self.browser, self.credentials, self.barrier, self.results = Browser(port), credentials, barrier, results
        self.errors: list[str] = []
        self.acknowledged = 0
        self.answer_times: list[tuple[float, float]] = []

    def expect(self, got, wanted, what: str) -> bool:
        if got[0] != wanted:
            self.errors.append(f"{what}: HTTP {got[0]}")
            return False
        return True

    def sign_in(self):
        code, number, pin = self.credentials
        page = self.browser.request("GET", f"/cuoc-thi/vao/{code}/")
        if not self.expect(page, 200, "class page"):
            return None
        signed = self.browser.request("POST", f"/cuoc-thi/vao/{code}/", {
            "csrfmiddlewaretoken": TOKEN.search(page[2]).group(1), "entrant": number, "pin": pin})
        if not self.expect(signed, 302, "sign in"):
            return None
        attempt_path = signed[1]
        sheet = self.browser.request("GET", attempt_path)
        if not self.expect(sheet, 200, "attempt page"):
            return None
        return attempt_path, sheet[2]

    def run(self):
        try:
            signed = self.sign_in()
        except OSError as exc:
            self.errors.append(f"sign in: {exc}")
            signed = None
        try:
            self.barrier.wait(timeout=self.results["budget"])
        except threading.BrokenBarrierError:
            self.errors.append("did not start with the others")
            return
        if signed is None:
            return
        attempt_path, html = signed
        token = TOKEN.search(html).group(1)
        rng = random.Random(self.credentials[1])
        try:
            for form in FORM.findall(html):
                choices = CHOICE.findall(form)
                body = {"csrfmiddlewaretoken": token, "question": QUESTION.search(form).group(1)}
                if choices:
                    body["choice"] = rng.choice(choices)
                else:
                    body["text"] = "111"
                start = time.perf_counter()
                saved = self.browser.request("POST", f"{attempt_path}tra-loi/", body, {"X-Requested-With": "fetch"})
                self.answer_times.append((start, time.perf_counter()))
                if self.expect(saved, 200, "answer") and '"saved": true' in saved[2]:
                    self.acknowledged += 1
            self.expect(self.browser.request("POST", f"{attempt_path}nop/", {"csrfmiddlewaretoken": token}), 302,
                        "submit")
        except OSError as exc:
            self.errors.append(f"answer: {exc}")


def minimal_rate(port: int, threads: int, per_thread: int) -> float:
    """Requests/second of /bench-minimal/ with the same number of concurrent clients."""
    errors: list[int] = []

    def client(barrier):
        browser = Browser(port)
        barrier.wait()
        for _ in range(per_thread):
            status, _location, _body = browser.request("POST", "/bench-minimal/", {"n": "1"})
            if status != 200:
                errors.append(status)

    barrier = threading.Barrier(threads + 1)
    workers = [threading.Thread(target=client, args=(barrier,), daemon=True) for _ in range(threads)]
    for worker in workers:
        worker.start()
    barrier.wait()
    start = time.perf_counter()
    for worker in workers:
        worker.join(TIMEOUT * 2)
    seconds = time.perf_counter() - start
    if errors:
        raise SystemExit(f"minimal view: {len(errors)} errors ({sorted(set(errors))})")
    return threads * per_thread / seconds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env: dict, port: int, log) -> list[subprocess.Popen]:
    """gunicorn and the worker with the arguments of scripts/serve.sh (the venv of this Python);
    gunicorn's messages go to `log` (a file in the temporary directory)."""
    python = sys.executable
    worker = subprocess.Popen([python, "-m", "binhdang", "db_worker", "--queue-name", "*"], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    web = subprocess.Popen([python, "-m", "gunicorn", "binhdang.config.wsgi", "--bind", f"127.0.0.1:{port}",
                            "--workers", "2", "--threads", "4", "--timeout", "120", "--no-control-socket",
                            "--pythonpath", str(ROOT / "benchmarks")],
                           env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log,
                           start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if Browser(port).request("GET", "/bench-minimal/")[0] == 200:
                return [web, worker]
        except OSError:
            time.sleep(0.3)
    stop([web, worker])
    log.flush()
    raise SystemExit("the server did not start: " + Path(log.name).read_text()[-3000:])


def stop(processes) -> None:
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=500)
    parser.add_argument("--questions", type=int, default=6)
    parser.add_argument("--budget", type=float, default=100.0, help="seconds before the run gives up")
    args = parser.parse_args()
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="binhdang-contest-load-") as tmp:
        keys = "1:" + base64.urlsafe_b64encode(os.urandom(32)).decode()
        os.environ["BINHDANG_SEALING_KEYS"] = keys  # the web process refuses to start without one
        django_in(Path(tmp), collectstatic=True)
        credentials = prepare(args.students, args.questions)
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "contest_load_site",
               "PYTHONPATH": os.pathsep.join([str(ROOT / "benchmarks"), str(ROOT)])}
        port = free_port()
        log = open(Path(tmp) / "gunicorn.log", "w")  # noqa: SIM115 - closed with the directory
        processes = start_server(env, port, log)
        try:
            results = {"budget": args.budget}
            barrier = threading.Barrier(len(credentials))
            students = [Student(port, c, barrier, results) for c in credentials]
            for student in students:
                student.start()
            for student in students:
                student.join(max(1.0, args.budget - (time.perf_counter() - began)))
            server_errors = Path(log.name).read_text().count("Internal Server Error")
            if server_errors:
                print(f"server errors logged: {server_errors}")
            if any(student.is_alive() for student in students):
                raise SystemExit(f"stopped after the {args.budget:.0f} s budget")
            times = [t for student in students for t in student.answer_times]
            if not times:
                raise SystemExit(f"no answer was sent: {sorted({e for s in students for e in s.errors})[:5]}")
            answers_rate = len(times) / (max(end for _s, end in times) - min(start for start, _e in times))
            minimal = minimal_rate(port, min(len(credentials), 500), 6)
            report(students, credentials, args, answers_rate, minimal, times)
        finally:
            stop(processes)
    print(f"total run: {time.perf_counter() - began:.0f} s")


def report(students, credentials, args, answers_rate, minimal, times) -> None:
    from binhdang.activities.models import Participation
    from binhdang.contests.models import Answer, Attempt

    errors = [e for student in students for e in student.errors]
    acknowledged = sum(student.acknowledged for student in students)
    stored = Answer.objects.filter(answered_at__isnull=False).count()
    submitted = Attempt.objects.filter(submitted_at__isnull=False).count()
    deadline = time.time() + 30
    while time.time() < deadline:  # the worker carries participants into the activity after the submits
        counted = sum(Participation.objects.values_list("count", flat=True))
        if counted == submitted:
            break
        time.sleep(0.5)
    latencies = sorted(end - start for start, end in times)
    print(f"students: {len(credentials)}, questions each: {args.questions}")
    print(f"errors: {len(errors)} {sorted(set(errors))[:5]}")
    print(f"answers acknowledged: {acknowledged}, stored: {stored}, expected: {len(credentials) * args.questions}")
    print(f"attempts submitted: {submitted}; participants in the activity: {counted}")
    print(f"answer latency: median {latencies[len(latencies) // 2] * 1000:.0f} ms, "
          f"p95 {latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms")
    print(f"answers/second: {answers_rate:.0f}")
    print(f"minimal view requests/second (same server, {min(len(credentials), 500)} clients): {minimal:.0f}")
    print(f"ratio answers / minimal: {answers_rate / minimal:.2f}")
    ok = (not errors and acknowledged == stored == len(credentials) * args.questions
          and submitted == len(credentials) and counted == submitted)
    print("OK: no error, no lost answer" if ok else "FAILED")
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
