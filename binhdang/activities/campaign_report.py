"""The Action Month report of one school (BÁO CÁO Kết quả tổ chức Tháng hành động …), drafted
from the activities it logged against the campaign, as a Nghị định 30 document.

Storage choice (no model change): CampaignSchool has no file field, so the report's DOCX and the
text the principal typed (difficulties, proposals) are kept through Django's storage API under
names derived from the campaign's and the school's uid (`campaign-reports/<campaign>/<school>.docx`
and `.json`); the row itself records only the register number and when it was issued. The file is
stored rather than rendered on each download because an issued report is a signed document: it
must not change when an activity is edited afterwards. Drafting and issuing both queue the
rendering on the worker (tasks_campaign.py); issuing re-renders with the number and date, so the
stored file is always the latest state (draft, then issued).
"""

from __future__ import annotations

import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.accounts import access
from binhdang.accounts.roles import Level
from binhdang.audit.services import record
from binhdang.documents.codes import DocType, code_for, number_line
from binhdang.documents.rendering.docx import render_docx
from binhdang.documents.services import number_allocate
from binhdang.documents.spec import Bullet, Heading, OfficialDocument, Paragraph, Recipient, Signer
from binhdang.lib.vntext import nfc
from binhdang.orgs.models import OrgKind
from binhdang.people.models import Position, StaffMember
from binhdang.plans.workflow import VIETNAM, today_in_vietnam

from .campaigns import CAMPAIGN_NAME
from .models import Audience, CampaignSchool
from .selectors_campaign import SchoolProgress, school_progress

# The report's own text is Vietnamese whatever the interface language (an official document in
# Vietnamese, as plans/editing.py SKELETON), so it is not marked for translation.
TEXT_MAX = 5000
SEX_LABEL = {"F": "nữ", "M": "nam", "U": "chưa rõ giới tính"}


def storage_name(entry: CampaignSchool, ext: str) -> str:
    return f"campaign-reports/{entry.campaign.uid}/{entry.unit.uid}.{ext}"


def report_inputs(entry: CampaignSchool) -> dict:
    """What was typed for the report (difficulties, proposals), or empty texts."""
    name = storage_name(entry, "json")
    if not default_storage.exists(name):
        return {"difficulties": "", "proposals": ""}
    with default_storage.open(name, "rb") as handle:
        return json.loads(handle.read().decode("utf-8"))


def report_file_exists(entry: CampaignSchool) -> bool:
    return default_storage.exists(storage_name(entry, "docx"))


def _store(name: str, data: bytes) -> None:
    # Same name every time: the old version goes first (storage would otherwise pick a new name).
    if default_storage.exists(name):
        default_storage.delete(name)
    default_storage.save(name, ContentFile(data))


def _clean(value: str | None, label: str) -> str:
    value = "\n".join(nfc(line).strip() for line in str(value or "").splitlines()).strip()
    if len(value) > TEXT_MAX:
        raise ValidationError(_("%(field)s dài quá %(limit)d ký tự.") % {"field": label, "limit": TEXT_MAX})
    return value


def _sexes(counts: dict) -> str:
    total = sum(counts.values())
    parts = [f"{counts[s]} {SEX_LABEL[s]}" for s in ("F", "M", "U") if counts.get(s)]
    return f"{total} người ({', '.join(parts)})" if total else "chưa ghi số người tham gia"


def _activity_line(activity) -> str:
    counts = {"F": 0, "M": 0, "U": 0}
    for p in activity.participations.all():
        counts[p.sex] += p.count
    day = timezone.localtime(activity.starts_at, VIETNAM).strftime("%d/%m/%Y")
    place = f", tại {activity.place}" if activity.place else ""
    return f"Ngày {day}: {nfc(activity.title)}{place}; tham gia: {_sexes(counts)}."


def _signer_name(entry: CampaignSchool, actor=None) -> str:
    principal = StaffMember.objects.filter(unit=entry.unit, position=Position.PRINCIPAL).order_by("id").first()
    if principal is not None:
        return principal.full_name
    return getattr(actor, "full_name", "") or ""


def _parent_name(unit) -> str:
    return unit.parent.name.upper() if unit.parent_id else ""


def report_place(unit) -> str:
    """The unit's place, else its commune's (as plans do)."""
    if unit.place.strip():
        return unit.place.strip()
    parent = unit.parent
    return parent.place.strip() if parent is not None and parent.kind == OrgKind.COMMUNE else ""


def report_document(entry: CampaignSchool, *, inputs: dict, progress: SchoolProgress | None = None,
                    signer_name: str = "") -> OfficialDocument:
    campaign, unit = entry.campaign, entry.unit
    progress = progress or school_progress(entry)
    body = [Heading(1, "KẾT QUẢ TRIỂN KHAI CÁC HOẠT ĐỘNG", "I.")]
    for number, item in enumerate(progress.items, start=1):
        kind = "bắt buộc" if item.item.required else "gợi ý"
        body.append(Heading(2, f"{nfc(item.item.text)} (hoạt động {kind})", f"{number}."))
        done = item.done
        body += [Bullet(_activity_line(a)) for a in done] or [Paragraph("Chưa tổ chức hoạt động này.")]
    extra = [a for a in progress.extra if a.status == "done"]
    if extra:
        body.append(Heading(2, "Các hoạt động khác (ngoài các hoạt động đã đề ra)", f"{len(progress.items) + 1}."))
        body += [Bullet(_activity_line(a)) for a in extra]
    body.append(Heading(1, "TỔNG HỢP KẾT QUẢ", "II."))
    body.append(Paragraph(f"Tổng số hoạt động đã tổ chức: {progress.done}; số lượt người tham gia: "
                          f"{_sexes(progress.by_sex)}."))
    for group in Audience:
        if group.value in progress.by_group:
            body.append(Bullet(f"{group.label}: {_sexes(progress.by_group[group.value])}."))
    if progress.cancelled:
        body.append(Paragraph(f"Số hoạt động đã huỷ: {progress.cancelled}."))
    for numeral, key, title in (("III.", "difficulties", "KHÓ KHĂN, VƯỚNG MẮC"),
                                ("IV.", "proposals", "ĐỀ XUẤT, KIẾN NGHỊ")):
        body.append(Heading(1, title, numeral))
        lines = [line for line in (inputs.get(key) or "").splitlines() if line.strip()]
        body += [Paragraph(line) for line in lines] or [Paragraph("Không có.")]
    if entry.report_number:
        number = f"Số: {entry.report_number}"
    else:  # left blank for the văn thư until issued
        number = number_line(None, code_for(DocType.REPORT, unit.short_name)) if unit.short_name.strip() else \
            "Số:      /BC"
    date = entry.reported_at.astimezone(VIETNAM).date() if entry.reported_at else None
    return OfficialDocument(
        parent_body=_parent_name(unit), issuer=unit.name, number_code=number, place=report_place(unit),
        date=date, year=campaign.year, doc_type_title="BÁO CÁO",
        summary=f"Kết quả tổ chức {CAMPAIGN_NAME} năm {campaign.year}",
        intro=(f"Thực hiện Kế hoạch {CAMPAIGN_NAME} năm {campaign.year} của {campaign.issuer_unit.name} với chủ đề "
               f"“{nfc(campaign.theme)}”, {unit.name} báo cáo kết quả tổ chức Tháng hành động "
               f"(từ ngày {campaign.starts_on:%d/%m/%Y} đến ngày {campaign.ends_on:%d/%m/%Y}) như sau:"),
        body=body,
        closing=f"Trên đây là báo cáo kết quả tổ chức Tháng hành động năm {campaign.year} của {unit.name}.",
        signer=Signer(position="HIỆU TRƯỞNG", name=signer_name),
        recipients=[Recipient(campaign.issuer_unit.name, "để báo cáo"), Recipient.archive()],
    )


def _check(actor, entry: CampaignSchool, level: Level) -> None:
    access.require(actor, entry.unit, level)
    if entry.unit.is_closed:
        raise PermissionDenied


def _save_inputs(entry: CampaignSchool, difficulties: str, proposals: str) -> dict:
    inputs = {"difficulties": _clean(difficulties, _("Khó khăn, vướng mắc")),
              "proposals": _clean(proposals, _("Đề xuất, kiến nghị"))}
    _store(storage_name(entry, "json"), json.dumps(inputs, ensure_ascii=False).encode("utf-8"))
    return inputs


def _enqueue(entry: CampaignSchool) -> None:
    from .tasks_campaign import render_campaign_report  # tasks_campaign imports this module

    entry_id = entry.pk
    transaction.on_commit(lambda: render_campaign_report.enqueue(entry_id))


@transaction.atomic
def campaign_report_draft(*, actor, entry: CampaignSchool, difficulties: str, proposals: str = "") -> None:
    """Keep the typed text and queue the draft DOCX (MANAGE at the school)."""
    _check(actor, entry, Level.MANAGE)
    entry.refresh_from_db(from_queryset=CampaignSchool.objects.select_for_update())
    if entry.reported_at:
        raise ValidationError(_("Báo cáo đã ban hành (số %(number)s): không soạn lại được.")
                              % {"number": entry.report_number})
    _save_inputs(entry, difficulties, proposals)
    record(actor=actor, unit=entry.unit, action="campaign.report_draft", target=entry.campaign,
           details={"school": str(entry.unit.uid)})
    _enqueue(entry)


@transaction.atomic
def campaign_report_issue(*, actor, entry: CampaignSchool, difficulties: str, proposals: str = "") -> CampaignSchool:
    """Issue the report (ADMIN at the school = the principal): next BC number of the school's
    register, the date of today in Vietnam, then the final DOCX on the worker."""
    _check(actor, entry, Level.ADMIN)
    entry.refresh_from_db(from_queryset=CampaignSchool.objects.select_for_update())
    if entry.reported_at:
        raise ValidationError(_("Báo cáo đã ban hành (số %(number)s).") % {"number": entry.report_number})
    unit = entry.unit
    if not unit.short_name.strip():
        raise ValidationError(_("Đơn vị “%(unit)s” chưa có tên viết tắt, nên chưa ghi được ký hiệu văn bản (ví dụ "
                                "“BC-THLTK”). Quản trị viên điền ô “Tên viết tắt” của đơn vị, rồi ban hành lại.")
                              % {"unit": unit.name})
    if not report_place(unit):
        raise ValidationError(_("Chưa có địa danh cho dòng “…, ngày … tháng … năm …”: hãy điền ô “Địa danh” của "
                                "đơn vị."))
    inputs = _save_inputs(entry, difficulties, proposals)
    today = today_in_vietnam()
    issued = number_allocate(actor=actor, unit=unit, year=today.year, doc_type=DocType.REPORT,
                             issuer_code=unit.short_name.strip(),
                             target_label=f"Báo cáo Tháng hành động {entry.campaign.year} – {unit.name}",
                             target_uid=entry.campaign.uid, target_type=CampaignSchool._meta.label_lower)
    entry.report_issued_number, entry.report_number = issued, issued.display
    entry.reported_at = timezone.now()
    entry.save(update_fields=["report_issued_number", "report_number", "reported_at"])
    record(actor=actor, unit=unit, action="campaign.report_issue", target=entry.campaign,
           details={"school": str(unit.uid), "number": entry.report_number,
                    "on_time": today <= entry.campaign.report_deadline, "difficulties": bool(inputs["difficulties"])})
    _enqueue(entry)
    return entry


def campaign_report_render(entry: CampaignSchool) -> None:
    """Render the report as it stands (draft or issued) and store it; run by the worker."""
    name = _signer_name(entry, entry.report_issued_number.issued_by if entry.report_issued_number_id else None)
    document = report_document(entry, inputs=report_inputs(entry), signer_name=name)
    _store(storage_name(entry, "docx"), render_docx(document))


def download_name(entry: CampaignSchool) -> str:
    state = entry.report_number.replace("/", "-") if entry.report_number else "du-thao"
    return f"bao-cao-thang-hanh-dong-{entry.campaign.year}-{state}.docx"
