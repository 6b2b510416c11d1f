"""Objects the authorization matrix calls its URLs with: each builder takes the `world` and
returns the URL kwargs, creating what it needs once (every role of a row reuses it)."""

from collections.abc import Callable

from binhdang.testing import World


def unit_uid(attr: str) -> Callable[[World], dict]:
    return lambda world: {"uid": getattr(world, attr).uid}


def teacher_membership_uid(world: World) -> dict:
    return {"uid": world.teacher.memberships.get(unit=world.school).uid}


def _school_body(world: World):
    from binhdang.orgs.models import InternalBody

    body, _ = InternalBody.objects.get_or_create(
        unit=world.school, name="Ban vì sự tiến bộ của phụ nữ", defaults={"kind": "committee"}
    )
    return body


def body_uid(world: World) -> dict:
    return {"uid": _school_body(world).uid}


def body_seat_uids(world: World) -> dict:
    """A seat on the school's committee; re-created for each role, so a removal by one
    role does not turn the next role's answer into "not found"."""
    from binhdang.people.models import BodyMembership, StaffMember

    staff = StaffMember.objects.filter(unit=world.school, given_name="Hoa").first()
    if staff is None:
        staff = StaffMember(unit=world.school, family_name="Nguyễn", middle_name="Thị",
                            given_name="Hoa", sex="F")
        staff.refresh_derived()
        staff.save()
    body = _school_body(world)
    BodyMembership.objects.get_or_create(body=body, staff=staff)
    return {"uid": body.uid, "staff_uid": staff.uid}


def roster_import_uid(world: World) -> dict:
    """A checked (previewed) student roster upload of world.school, made by the real pipeline."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from binhdang.people.importing import services as import_services
    from binhdang.people.importing.pipeline import prepare
    from binhdang.people.models import RosterImport

    upload = RosterImport.objects.filter(unit=world.school).first()
    if upload is None:
        content = "Họ và tên;Giới tính;Ngày sinh;Lớp\r\nNguyễn Thị Hoa;Nữ;05/09/2018;3A1\r\n"
        file = SimpleUploadedFile("danh-sach.csv", content.encode("utf-8-sig"), content_type="text/csv")
        prepared = prepare(file, kind="students")
        file.seek(0)
        upload = import_services.roster_upload_create(actor=world.principal, unit=world.school,
                                                      file=file, prepared=prepared)
    return {"uid": upload.uid}


def plan_upload_uid(world: World) -> dict:
    """A parsed plan upload of world.school (made by the real service; the parse runs inline)."""
    from binhdang.plans.models import PlanUpload
    from binhdang.plans.uploads import plan_upload_create, plan_upload_parse

    upload = PlanUpload.objects.filter(unit=world.school).first()
    if upload is None:
        text = "KẾ HOẠCH\nBình đẳng giới năm 2026\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức\n".encode()
        upload = plan_upload_create(actor=world.principal, unit=world.school, name="ke-hoach.txt", data=text,
                                    kind="yearly")
        plan_upload_parse(upload=upload)
    return {"uid": upload.uid}


def plan_uid(attr: str) -> Callable[[World], dict]:
    """A plan issued by the named unit of the world (created once, reused by every role)."""

    def build(world: World) -> dict:
        from binhdang.plans.models import Plan

        unit = getattr(world, attr)
        plan = Plan.objects.filter(issuer_unit=unit).first()
        if plan is None:
            plan = Plan.objects.create(issuer_unit=unit, title=f"Kế hoạch bình đẳng giới năm 2026 ({unit.code})")
        return {"uid": plan.uid}

    return build


def issued_plan_uid(attr: str) -> Callable[[World], dict]:
    """An issued plan of the named unit: readable from below, so its cascade pages must not be."""

    def build(world: World) -> dict:
        from binhdang.plans.models import Plan, PlanStatus

        unit = getattr(world, attr)
        plan, _ = Plan.objects.get_or_create(issuer_unit=unit, status=PlanStatus.ISSUED,
                                             defaults={"title": f"Kế hoạch đã ban hành ({unit.code})"})
        return {"uid": plan.uid}

    return build


def workflow_plan(status: str) -> Callable[[World], dict]:
    """A plan of world.school with content, put back in `status` for each role (an earlier role's
    POST may have moved it on); an issued one is replaced when a draft or submitted plan is asked."""

    def build(world: World) -> dict:
        from binhdang.plans import workflow
        from binhdang.plans.models import Plan, PlanSection, PlanStatus

        world.school.short_name, world.school.place = "THA", "Đống Đa"
        world.school.save()
        title = "Kế hoạch quy trình ban hành"
        plans = Plan.objects.filter(issuer_unit=world.school, title=title, amends__isnull=True)
        plan = plans.filter(status=PlanStatus.ISSUED).first() if status == PlanStatus.ISSUED else \
            plans.exclude(status=PlanStatus.ISSUED).first()
        if plan is None:
            plan = Plan.objects.create(issuer_unit=world.school, title=title)
            PlanSection.objects.create(plan=plan, position=1, heading="I.", title="MỤC ĐÍCH, YÊU CẦU")
            if status == PlanStatus.ISSUED:
                workflow.plan_issue(actor=world.principal, plan=plan)
        if status != PlanStatus.ISSUED:
            Plan.objects.filter(pk=plan.pk).update(status=status)
        return {"uid": plan.uid}

    return build


def plan_part(attr: str) -> Callable[[World], dict]:
    """A part (the targets) of a plan of the named unit, for the editor's row operations."""
    return lambda world: {**plan_uid(attr)(world), "part": "chi-tieu"}


def plan_export_uid(world: World) -> dict:
    """A finished DOCX export of the school's plan, made by the real service (once)."""
    from binhdang.plans.export_files import plan_export_run
    from binhdang.plans.models import Plan, PlanExport

    plan = Plan.objects.get(uid=plan_uid("school")(world)["uid"])
    export = PlanExport.objects.filter(plan=plan, status=PlanExport.Status.DONE).first()
    if export is None:
        export = PlanExport.objects.create(plan=plan, format="docx", revision=plan.revision)
        export = plan_export_run(export=export)
    return {"uid": export.uid}


#  Columns: anonymous outsider no_role teacher counsellor unit_lead committee_member principal
#           commune_officer province_officer admin


def teacher_notification_uid(world: World) -> dict:
    """A notification of world.teacher (created once: notify is idempotent on its key)."""
    from binhdang.core.models import Notification
    from binhdang.core.notifications import notify

    notify(world.teacher, world.school, "task.deadline", "authz-matrix", "Sắp đến hạn: việc thử", "", "/")
    return {"uid": Notification.objects.get(user=world.teacher, key="authz-matrix").uid}
