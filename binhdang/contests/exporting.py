"""The contest's results as an XLSX workbook: ranking, classes, participation, questions missed."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from . import selectors
from .models import Contest


def results_xlsx(contest: Contest) -> bytes:
    workbook = Workbook(write_only=True)
    ranking = workbook.create_sheet(_("Xếp hạng"))
    ranking.append([_("Hạng"), _("Họ và tên"), _("Lớp"), _("Giới tính"), _("Điểm"), _("Điểm tối đa"),
                    _("Thời gian (giây)"), _("Số lượt")])
    for row in selectors.ranking(contest):
        person = row.entrant.person
        ranking.append([row.rank, person.full_name, row.entrant.contest_class.label,
                        person.get_sex_display(), row.score, row.max_score, row.seconds, row.attempts])
    classes = workbook.create_sheet(_("Theo lớp"))
    classes.append([_("Lớp"), _("Được mời"), _("Tham gia"), _("Điểm trung bình"), _("Cao nhất")])
    for row in selectors.class_summary(contest):
        classes.append([row["contest_class"].label, row["invited"], row["took_part"], row["average"],
                        row["best"]])
    share = selectors.participation(contest)
    taking = workbook.create_sheet(_("Tham gia"))
    taking.append([_("Khối"), _("Nữ tham gia"), _("Nữ được mời"), _("Nam tham gia"), _("Nam được mời"),
                   _("Chưa ghi nhận tham gia"), _("Chưa ghi nhận được mời")])
    for grade, cells in share["grades"]:
        label = grade if grade is not None else _("Cán bộ, giáo viên, nhân viên")
        taking.append([label, cells["F"][1], cells["F"][0], cells["M"][1], cells["M"][0], cells["U"][1],
                       cells["U"][0]])
    missed = workbook.create_sheet(_("Câu hay sai"))
    missed.append([_("Mã"), _("Câu hỏi"), _("Số lần sai"), _("Số lần gặp"), "%"])
    for row in selectors.most_missed(contest, limit=1000):
        missed.append([row["question__code"], row["question__text"], row["missed"], row["drawn"], row["share"]])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
