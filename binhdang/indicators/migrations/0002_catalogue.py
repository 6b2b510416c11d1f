"""The seeded catalogue (DOMAIN.md §7): the indicators every school's records already give, and
the one the commune enters by hand (NQ 28/NQ-CP). Frozen here on purpose: later edits are made by
the platform administrator in the Django admin, and this migration must not change with the code."""

from django.db import migrations

PERCENT = {"factor": 100, "unit_label": "%"}
RATE_DIMS = ["level"]

CATALOGUE = [
    dict(code="women-managers", name="Tỷ lệ nữ cán bộ quản lý trường học",
         definition="Số nữ hiệu trưởng, phó hiệu trưởng trên tổng số cán bộ quản lý đang làm việc (theo danh sách "
                    "cán bộ hiện tại).",
         numerator_label="Nữ cán bộ quản lý", denominator_label="Cán bộ quản lý", **PERCENT,
         time_aggregation="stock", source="staff", computation="women_managers_share",
         disaggregations=["level", "position"]),
    dict(code="schools-woman-principal", name="Tỷ lệ trường có hiệu trưởng là nữ",
         definition="Số trường có hiệu trưởng là nữ trên số trường có danh sách cán bộ.",
         numerator_label="Trường có hiệu trưởng nữ", denominator_label="Trường", **PERCENT,
         time_aggregation="stock", source="staff", computation="woman_principal_school", disaggregations=RATE_DIMS),
    dict(code="female-teachers-new-standard", name="Tỷ lệ giáo viên nữ đạt chuẩn trình độ đào tạo mới",
         definition="Giáo viên nữ đạt chuẩn trình độ đào tạo theo Luật Giáo dục 2019 trên tổng số giáo viên nữ; "
                    "giáo viên chưa rõ được tính là chưa đạt.",
         numerator_label="Giáo viên nữ đạt chuẩn", denominator_label="Giáo viên nữ", **PERCENT,
         time_aggregation="stock", source="staff", computation="female_teachers_new_standard",
         disaggregations=RATE_DIMS),
    dict(code="women-staff", name="Tỷ lệ nữ trong cán bộ, giáo viên, nhân viên",
         definition="Số nữ trên tổng số cán bộ, giáo viên, nhân viên đang làm việc.",
         numerator_label="Nữ cán bộ, giáo viên, nhân viên", denominator_label="Cán bộ, giáo viên, nhân viên",
         **PERCENT, time_aggregation="stock", source="staff", computation="women_staff_share",
         disaggregations=["level", "position"]),
    dict(code="staff-trained-gender", name="Tỷ lệ cán bộ, giáo viên được tập huấn về bình đẳng giới",
         definition="Cán bộ, giáo viên, nhân viên đang làm việc đã dự ít nhất một buổi tập huấn đã thực hiện trong "
                    "năm học, trên tổng số cán bộ, giáo viên, nhân viên.",
         numerator_label="Người được tập huấn", denominator_label="Cán bộ, giáo viên, nhân viên", **PERCENT,
         time_aggregation="flow", source="trainings", computation="staff_trained_gender",
         disaggregations=["sex", "level", "position"]),
    dict(code="girls-class-monitors", name="Tỷ lệ nữ trong lớp trưởng",
         definition="Số học sinh nữ làm lớp trưởng trên tổng số lớp trưởng trong năm học.",
         numerator_label="Lớp trưởng là nữ", denominator_label="Lớp trưởng", **PERCENT,
         time_aggregation="stock", source="students", computation="girls_class_monitors",
         disaggregations=["level", "grade"]),
    dict(code="girls-union-leaders", name="Tỷ lệ nữ trong cán bộ Đội, Đoàn",
         definition="Học sinh nữ là chi đội trưởng, bí thư chi đoàn, chỉ huy Liên đội trên tổng số học sinh giữ "
                    "các chức vụ đó trong năm học.",
         numerator_label="Cán bộ Đội, Đoàn là nữ", denominator_label="Cán bộ Đội, Đoàn", **PERCENT,
         time_aggregation="stock", source="students", computation="girls_union_leaders",
         disaggregations=["level", "grade"]),
    dict(code="girls-participation", name="Tỷ lệ học sinh nữ tham gia hoạt động",
         definition="Lượt học sinh nữ tham gia các hoạt động đã thực hiện trong năm học trên tổng lượt học sinh "
                    "tham gia.",
         numerator_label="Lượt học sinh nữ", denominator_label="Lượt học sinh", **PERCENT,
         time_aggregation="flow", source="activities", computation="girls_participation_share",
         disaggregations=RATE_DIMS),
    dict(code="communication-sessions", name="Số buổi truyền thông về bình đẳng giới",
         definition="Số hoạt động truyền thông đã thực hiện trong năm học.",
         numerator_label="Buổi truyền thông", factor=1, unit_label="buổi", time_aggregation="flow",
         source="activities", computation="communication_sessions", disaggregations=RATE_DIMS),
    dict(code="communication-reach", name="Số lượt người được truyền thông",
         definition="Tổng số người tham gia các hoạt động truyền thông đã thực hiện, theo đối tượng và giới tính.",
         numerator_label="Lượt người", factor=1, unit_label="lượt", time_aggregation="flow",
         source="activities", computation="communication_reach", disaggregations=["sex", "level", "audience"]),
    dict(code="action-month-activities", name="Số hoạt động trong Tháng hành động",
         definition="Số hoạt động đã thực hiện gắn với Tháng hành động vì bình đẳng giới trong năm học.",
         numerator_label="Hoạt động", factor=1, unit_label="hoạt động", time_aggregation="flow",
         source="activities", computation="action_month_activities", disaggregations=RATE_DIMS),
    dict(code="gender-lessons", name="Số tiết dạy lồng ghép giới",
         definition="Số tiết dạy có lồng ghép nội dung giới trong năm học, theo khối lớp và giới tính giáo viên.",
         numerator_label="Tiết dạy", factor=1, unit_label="tiết", time_aggregation="flow", source="lessons",
         computation="gender_lessons", disaggregations=["sex", "level", "grade"]),
    dict(code="teachers-integrating", name="Tỷ lệ giáo viên có tiết dạy lồng ghép giới",
         definition="Giáo viên có ít nhất một tiết dạy lồng ghép giới trong năm học trên tổng số giáo viên.",
         numerator_label="Giáo viên có tiết lồng ghép", denominator_label="Giáo viên", **PERCENT,
         time_aggregation="flow", source="lessons", computation="teachers_integrating_share",
         disaggregations=["sex", "level"]),
    dict(code="incidents", name="Số vụ việc xâm hại, bạo lực học đường",
         definition="Số vụ việc tiếp nhận trong năm học có đồng ý đưa vào thống kê, theo loại và giới tính của trẻ. "
                    "Ô dưới 5 được ẩn ở cấp trên trường.",
         numerator_label="Vụ việc", factor=1, unit_label="vụ", time_aggregation="flow", source="cases",
         computation="incidents_by_type", disaggregations=["sex", "level", "category"], suppress_below=5),
    dict(code="incidents-on-time", name="Tỷ lệ vụ việc được xử lý đúng thời hạn",
         definition="Vụ việc đóng trong năm học đã hỗ trợ khẩn cấp và lập kế hoạch hỗ trợ đúng hạn, trên số vụ "
                    "việc đóng có tính thời hạn (chỉ vụ việc đồng ý đưa vào thống kê).",
         numerator_label="Vụ việc xử lý đúng hạn", denominator_label="Vụ việc đã đóng", **PERCENT,
         time_aggregation="flow", source="cases", computation="incidents_handled_on_time",
         disaggregations=["sex", "level"], suppress_below=5),
    dict(code="action-month-reporting", name="Tỷ lệ trường gửi báo cáo Tháng hành động",
         definition="Báo cáo kết quả Tháng hành động đã gửi trên số Tháng hành động được giao trong năm học.",
         numerator_label="Báo cáo đã gửi", denominator_label="Báo cáo phải gửi", **PERCENT,
         time_aggregation="flow", source="campaigns", computation="action_month_reporting_rate",
         disaggregations=RATE_DIMS),
    dict(code="action-month-on-time", name="Tỷ lệ báo cáo Tháng hành động đúng hạn",
         definition="Báo cáo Tháng hành động gửi trong hạn báo cáo trên số Tháng hành động được giao.",
         numerator_label="Báo cáo đúng hạn", denominator_label="Báo cáo phải gửi", **PERCENT,
         time_aggregation="flow", source="campaigns", computation="action_month_on_time_rate",
         disaggregations=RATE_DIMS),
    dict(code="commune-woman-key-leader", name="Chính quyền xã có nữ trong lãnh đạo chủ chốt",
         definition="Xã, phường có ít nhất một lãnh đạo chủ chốt là nữ (nhập 1 nếu có, 0 nếu không). Mục tiêu "
                    "NQ 28/NQ-CP: 60% năm 2025, 75% năm 2030.",
         numerator_label="Xã có nữ lãnh đạo chủ chốt", denominator_label="Xã", **PERCENT,
         time_aggregation="stock", source="manual", computation="", disaggregations=[],
         entered_at_kind="commune"),
]


def seed(apps, schema_editor):
    Indicator = apps.get_model("indicators", "Indicator")
    for position, fields in enumerate(CATALOGUE, start=1):
        fields = {"denominator_label": "", "suppress_below": None, "entered_at_kind": "", **fields}
        Indicator.objects.update_or_create(code=fields.pop("code"), defaults={**fields, "position": position * 10})


def unseed(apps, schema_editor):
    apps.get_model("indicators", "Indicator").objects.filter(code__in=[f["code"] for f in CATALOGUE]).delete()


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
