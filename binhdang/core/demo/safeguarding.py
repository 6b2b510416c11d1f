"""Demo of student protection at Trường Tiểu học Lý Thường Kiệt: a case team (the school
counsellor leads, a homeroom teacher), and, when a sealing master key is configured (`make run`
makes one), three invented cases at different steps. Nothing here comes from a real child.

Idempotent: the cases are made only when the school has none. Students follow a case with a code
and a passphrase; the demo prints both for the case sent from the help page so that a newcomer
can try the follow-up page.
"""

import datetime as dt

from django.utils import timezone

from binhdang.accounts.models import User
from binhdang.orgs.models import OrgUnit
from binhdang.safeguarding import workflow
from binhdang.safeguarding.access import CaseAccess, Role
from binhdang.safeguarding.consents import consent_record
from binhdang.safeguarding.intake import case_create, display_code
from binhdang.safeguarding.models import Case, CaseTeamMember, Channel
from binhdang.safeguarding.people import person_add
from binhdang.safeguarding.sealing import SealingUnavailable, master_keys

SCHOOL = "th-ly-thuong-kiet"
LEADER, MEMBER = "tv.lythuongkiet", "gv.lythuongkiet"
DEMO_PASSPHRASE = "ca heo xanh 12"


def ensure_case_team(school: OrgUnit) -> User:
    leader, member = User.objects.get(username=LEADER), User.objects.get(username=MEMBER)
    CaseTeamMember.objects.get_or_create(unit=school, user=leader, defaults={"is_leader": True})
    CaseTeamMember.objects.get_or_create(unit=school, user=member)
    return leader


def _received(case: Case, ago: dt.timedelta) -> Case:
    Case.objects.filter(pk=case.pk).update(received_at=timezone.now() - ago)
    case.refresh_from_db()
    return case


def _handled(case: Case) -> CaseAccess:
    return CaseAccess(case=case, role=Role.LEADER)  # the demo acts as the team's leader


def ensure_demo_cases(school: OrgUnit, leader: User) -> dict | None:
    """Three cases, or None when no master key is configured (the demo then has a team only)."""
    try:
        master_keys()
    except SealingUnavailable:
        return None
    existing = Case.objects.filter(unit=school).order_by("received_at").first()
    if existing is not None:
        return {"code": None}
    # 1. Sent from the help page an hour ago, not assessed yet: first on the team's list.
    sent = _received(case_create(
        unit=school, channel=Channel.HELP_PAGE, category="bullying", passphrase=DEMO_PASSPHRASE,
        narrative="Mấy bạn lớp 5B hay chặn đường em ở cầu thang và lấy đồ ăn của em.", school_class="4A",
    ), dt.timedelta(hours=1))
    # 2. Received by phone yesterday: a child under 16, so both clocks run; support given, plan due.
    urgent = _received(case_create(
        unit=school, channel=Channel.PHONE, category="physical_assault", actor=leader,
        narrative="Phụ huynh gọi điện: con về nhà có vết bầm ở tay, con nói bị một người lớn đánh.",
    ), dt.timedelta(hours=26))
    access = _handled(urgent)
    workflow.assess(access=access, actor=leader, harm_level=2, risk_level=3, child_under_16_abused=True,
                    category="physical_assault", note="Cần gặp riêng học sinh và gia đình ngay.")
    workflow.record_step(access=access, actor=leader, stage="support",
                         text="Cô tư vấn gặp riêng em; đưa em đến phòng y tế trường; em ở lại trường an toàn.")
    person_add(actor=leader, case=urgent, role="victim", name="Học sinh lớp 3C", sex="M", age_band="6-11",
               is_child=True)
    # 3. A closed case from last month, with consent to count it in statistics.
    closed = _received(case_create(
        unit=school, channel=Channel.SUGGESTION_BOX, category="cyber", actor=leader,
        narrative="Thư trong hộp thư góp ý: có người lập nhóm trên mạng để chê bai ngoại hình một bạn nữ.",
    ), dt.timedelta(days=30))
    access = _handled(closed)
    workflow.assess(access=access, actor=leader, harm_level=1, risk_level=1, child_under_16_abused=False,
                    category="cyber")
    person_add(actor=leader, case=closed, role="victim", name="Học sinh lớp 5A", sex="F", age_band="6-11",
               is_child=True)
    consent_record(actor=leader, case=closed, purpose="statistics", child_aged_7_plus=True, child_agreed=True,
                   parent_agreed=True)
    workflow.record_step(access=access, actor=leader, stage="plan",
                         text="Sinh hoạt lớp về ứng xử trên mạng; gặp các bạn lập nhóm cùng phụ huynh.")
    workflow.close_directly(access=access, actor=leader, text="Nhóm đã bị xoá; em không còn bị chê bai.")
    return {"code": display_code(sent.code), "passphrase": DEMO_PASSPHRASE}


def ensure_safeguarding(units: dict[str, OrgUnit]) -> dict | None:
    school = units[SCHOOL]
    leader = ensure_case_team(school)
    return ensure_demo_cases(school, leader)
