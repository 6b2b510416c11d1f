"""Authorization matrix rows of student protection (see test_authz_matrix.py for the columns)."""

from binhdang.safeguarding.models import Case, CaseTeamMember, Channel, Referral

from .authz_rows import Row


def school_code(world) -> dict:
    return {"code": world.school.code}


def teacher_on_case_team(world) -> dict:
    """Puts the teacher (only) on the school's case team: the principal, officers and admin are not."""
    CaseTeamMember.objects.get_or_create(unit=world.school, user=world.teacher)
    return {}


def school_case(world) -> Case:
    """One case of school A, its case team being the teacher only (built once per world)."""
    from binhdang.safeguarding.intake import case_create

    teacher_on_case_team(world)
    case = Case.objects.filter(unit=world.school).first()
    return case or case_create(unit=world.school, channel=Channel.PHONE, category="bullying",
                               narrative="matrix", actor=world.teacher)


def case_uid(world) -> dict:
    return {"uid": school_case(world).uid}


def case_exists(world) -> dict:
    school_case(world)
    return {}


def referred_case_uid(world) -> dict:
    """The case, referred to the Sở with the province officer named on the referral."""
    from django.utils import timezone

    case = school_case(world)
    referral = Referral.objects.filter(case=case).first() or Referral.objects.create(
        case=case, target="education", to_unit=world.province, referred_at=timezone.now(), referred_by=world.teacher)
    referral.officers.add(world.province_officer)
    return {"uid": case.uid}


def case_step(world) -> dict:
    return {**case_uid(world), "step": "ho-tro"}


def referred_case_step(world) -> dict:
    return {**referred_case_uid(world), "step": "ho-tro"}


def _write_rows(kwargs, referred_kwargs, member: str = "302") -> list[Row]:
    """A POST-only step URL: GET 405 for everyone signed in (before any case check, so nothing is
    revealed); POST: the member is sent to re-authenticate (302; 403 on a leader-only URL),
    everyone else 404, and a named officer too (a referral lets them read, never write)."""
    return [
        Row("login 405 405 405 405 405 405 405 405 405 405", kwargs, note="POST"),
        Row(f"login 404 404 {member} 404 404 404 404 404 404 404", kwargs, method="post", note="post"),
        Row(f"login 404 404 {member} 404 404 404 404 404 404 404", referred_kwargs, method="post",
            note="referred"),
    ]


def teacher_leads_case_team(world) -> dict:
    """The teacher on the school's case team as its leader."""
    CaseTeamMember.objects.update_or_create(unit=world.school, user=world.teacher, defaults={"is_leader": True})
    return {}


def led_case_uid(world) -> dict:
    """The school's case, its team led by the teacher."""
    teacher_leads_case_team(world)
    return case_uid(world)


def teacher_seat_uid(world) -> dict:
    """The teacher's seat on the case team (a plain member), for the remove / make-leader URLs."""
    teacher_on_case_team(world)
    return {"uid": CaseTeamMember.objects.get(unit=world.school, user=world.teacher).uid}


def person_uids(world) -> dict:
    """The case and one person in it."""
    from binhdang.safeguarding.models import CasePerson
    from binhdang.safeguarding.people import person_add

    case = school_case(world)
    person = CasePerson.objects.filter(case=case).first() or person_add(
        actor=world.teacher, case=case, role="witness", name="matrix", sex="U")
    return {"uid": case.uid, "person_uid": person.uid}


def referral_uids(world) -> dict:
    """The case and a referral of it that names nobody."""
    from django.utils import timezone

    case = school_case(world)
    referral = Referral.objects.filter(case=case).first() or Referral.objects.create(
        case=case, target="police", referred_at=timezone.now(), referred_by=world.teacher)
    return {"uid": case.uid, "referral_uid": referral.uid}


def attachment_uids(world) -> dict:
    """The case and one sealed attachment (a small PDF)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from binhdang.safeguarding.attachments import attachment_add
    from binhdang.safeguarding.models import CaseAttachment

    case = school_case(world)
    attachment = CaseAttachment.objects.filter(case=case).first() or attachment_add(
        actor=world.teacher, case=case, upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n"))
    return {"uid": case.uid, "file_uid": attachment.uid}


def referred(builder):
    """The same kwargs, the case being referred to the province officer (named on the referral)."""
    def build(world) -> dict:
        kwargs = builder(world)
        referred_case_uid(world)
        return kwargs

    return build


def _case_write_rows(builder) -> list[Row]:
    """A POST-only URL of a case part: GET is 405 for everyone (nothing about the case is
    looked at); a POST is for the team only (the teacher, sent to 2FA first); everyone else 404,
    a named officer included (officers read, they never write)."""
    return [
        Row("405 405 405 405 405 405 405 405 405 405 405", builder, note="POST"),
        Row("login 404 404 302 404 404 404 404 404 404 404", builder, method="post", note="post"),
        Row("login 404 404 302 404 404 404 404 404 404 404", referred(builder), method="post", note="referred"),
    ]


#  Columns: anonymous outsider no_role teacher counsellor unit_lead committee_member principal
#           commune_officer province_officer admin
SAFEGUARDING_ROWS: dict[str, list[Row]] = {
    # Public help pages: no login, the same for everyone (no role reveals or changes anything).
    "safeguarding:help": [Row("200 200 200 200 200 200 200 200 200 200 200", school_code)],
    "safeguarding:poster": [Row("200 200 200 200 200 200 200 200 200 200 200", school_code)],
    "safeguarding:follow_up": [Row("200 200 200 200 200 200 200 200 200 200 200")],
    # Staff recording: the school's case team only (here the teacher); everyone else 404, the
    # principal included; an empty form from the member is refused with the form again (400).
    "safeguarding:record": [
        Row("login 404 404 200 404 404 404 404 404 404 404", teacher_on_case_team),
        Row("login 404 404 400 404 404 404 404 404 404 404", teacher_on_case_team, method="post", note="post"),
    ],
    # The start page: every member of a unit (it shows no case); no_role has no unit.
    "safeguarding:home": [Row("login 200 404 200 200 200 200 200 200 200 200", case_exists)],
    # The result page shows the code once after recording; without one the member goes back to the form.
    "safeguarding:record_done": [Row("login 404 404 302 404 404 404 404 404 404 404", teacher_on_case_team)],
    # Re-authentication: everyone signed in is sent on (to set up 2FA first when they have none).
    "safeguarding:reauth": [Row("login 302 302 302 302 302 302 302 302 302 302")],
    # Lists and cases: 404 for everyone not on the team (principal and officers included);
    # the member is sent to re-authenticate with 2FA first (302), and so is a named officer.
    "safeguarding:case_list": [Row("login 404 404 302 404 404 404 404 404 404 404", case_exists)],
    "safeguarding:case_detail": [
        Row("login 404 404 302 404 404 404 404 404 404 404", case_uid),
        Row("login 404 404 302 404 404 404 404 404 302 404", referred_case_uid, note="referred"),
    ],
    # Steps on a case (POST only, the school's case team only; approval by the leader only).
    "safeguarding:case_assess": _write_rows(case_uid, referred_case_uid),
    "safeguarding:case_step": _write_rows(case_step, referred_case_step),
    "safeguarding:case_note": _write_rows(case_uid, referred_case_uid),
    "safeguarding:case_session": _write_rows(case_uid, referred_case_uid),
    "safeguarding:case_reply": _write_rows(case_uid, referred_case_uid),
    "safeguarding:case_close": _write_rows(case_uid, referred_case_uid),
    "safeguarding:case_approve": _write_rows(case_uid, referred_case_uid, member="403"),
    "safeguarding:case_reopen": _write_rows(case_uid, referred_case_uid),
    # Who read what: the team leader only; a plain member 403, a referred officer and everyone
    # else 404; the leader is sent to re-authenticate with 2FA first.
    "safeguarding:case_log": [
        Row("login 404 404 403 404 404 404 404 404 404 404", case_uid),
        Row("login 404 404 403 404 404 404 404 404 404 404", referred_case_uid, note="referred"),
        Row("login 404 404 302 404 404 404 404 404 404 404", led_case_uid, note="leader"),
    ],
    "safeguarding:team_log": [
        Row("login 404 404 403 404 404 404 404 404 404 404", teacher_on_case_team),
        Row("login 404 404 302 404 404 404 404 404 404 404", teacher_leads_case_team, note="leader"),
    ],
    # The case team: the school's own principal (the outsider is the principal of their own school)
    # and the leader, both sent to verify with 2FA first (302); a plain member 403; officers above
    # (their active unit is not a school) and everyone else 404.
    "safeguarding:team": [
        Row("login 302 404 403 404 404 404 302 404 404 404", teacher_on_case_team),
        Row("login 302 404 302 404 404 404 302 404 404 404", teacher_leads_case_team, note="leader"),
    ],
    "safeguarding:team_add": [
        Row("login 405 405 405 405 405 405 405 405 405 405", note="POST"),
        Row("login 302 404 403 404 404 404 302 404 404 404", teacher_on_case_team, method="post", note="post"),
    ],
    "safeguarding:team_remove": [
        Row("login 405 405 405 405 405 405 405 405 405 405", teacher_seat_uid, note="POST"),
        Row("login 302 404 403 404 404 404 302 404 404 404", teacher_seat_uid, method="post", note="post"),
    ],
    "safeguarding:team_leader": [
        Row("login 405 405 405 405 405 405 405 405 405 405", teacher_seat_uid, note="POST"),
        Row("login 302 404 403 404 404 404 302 404 404 404", teacher_seat_uid, method="post", note="post"),
    ],
    # Counts only, for the active unit: principals and officers (ADMIN), the committee (MANAGE);
    # lower roles 403; no_role has no unit (404). The CSV follows the same rule.
    "safeguarding:statistics": [
        Row("login 200 404 403 403 403 200 200 200 200 200", case_exists),
        Row("login 200 404 403 403 403 200 200 200 200 200", case_exists, query="format=csv", note="csv"),
    ],
    # The parts of a case: writes by the team only; the download and the export like the case page.
    "safeguarding:person_add": _case_write_rows(case_uid),
    "safeguarding:person_edit": _case_write_rows(person_uids),
    "safeguarding:person_remove": _case_write_rows(person_uids),
    "safeguarding:consent_add": _case_write_rows(case_uid),
    "safeguarding:referral_add": _case_write_rows(case_uid),
    "safeguarding:referral_end": _case_write_rows(referral_uids),
    "safeguarding:attachment_upload": _case_write_rows(case_uid),
    "safeguarding:attachment_delete": _case_write_rows(attachment_uids),
    "safeguarding:attachment_download": [
        Row("login 404 404 302 404 404 404 404 404 404 404", attachment_uids),
        Row("login 404 404 302 404 404 404 404 404 302 404", referred(attachment_uids), note="referred"),
    ],
    "safeguarding:case_export": [
        Row("login 404 404 302 404 404 404 404 404 404 404", case_uid),
        Row("login 404 404 302 404 404 404 404 404 302 404", referred_case_uid, note="referred"),
    ],
}
