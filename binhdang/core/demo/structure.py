"""The demo organisation tree: both seed schools in their historical hierarchy (2022–2023)
and the structure after the 1/7/2025 reform that abolished districts.

Facts marked "verify" in DOMAIN.md are demo data here, editable like any unit:
Quảng Nam's merger into Đà Nẵng, and the ward that took over Đống Đa's primary schools.
"""

import datetime as dt

REFORM_DAY = dt.date(2025, 7, 1)

# code, name, short name, kind, school level, parent code, place, valid_from, valid_to
UNITS = [
    ("bo-gddt", "Bộ Giáo dục và Đào tạo", "Bộ GD&ĐT", "ministry", "", None, "Hà Nội", None, None),
    ("so-gddt-quang-nam", "Sở Giáo dục và Đào tạo Quảng Nam", "SỞ GD&ĐT QUẢNG NAM", "department", "",
     "bo-gddt", "Quảng Nam", None, REFORM_DAY),
    ("so-gddt-da-nang", "Sở Giáo dục và Đào tạo Đà Nẵng", "SỞ GD&ĐT ĐÀ NẴNG", "department", "",
     "bo-gddt", "Đà Nẵng", None, None),
    ("so-gddt-ha-noi", "Sở Giáo dục và Đào tạo Hà Nội", "SỞ GD&ĐT HÀ NỘI", "department", "",
     "bo-gddt", "Hà Nội", None, None),
    ("phong-gddt-dong-da", "Phòng Giáo dục và Đào tạo quận Đống Đa", "PHÒNG GD&ĐT QUẬN ĐỐNG ĐA",
     "district_office", "", "so-gddt-ha-noi", "Đống Đa", None, REFORM_DAY),
    ("ubnd-phuong-dong-da", "Ủy ban nhân dân phường Đống Đa", "UBND PHƯỜNG ĐỐNG ĐA", "commune", "",
     "so-gddt-ha-noi", "Đống Đa", REFORM_DAY, None),
    ("thpt-que-son", "Trường THPT Quế Sơn", "THPTQS", "school", "upper_secondary",
     "so-gddt-quang-nam", "Quế Sơn", None, None),
    ("th-ly-thuong-kiet", "Trường Tiểu học Lý Thường Kiệt", "THLTK", "school", "primary",
     "phong-gddt-dong-da", "Đống Đa", None, None),
]

# After the reform: (unit, new parent). Closed units get the successor named here.
REFORM_MOVES = [("thpt-que-son", "so-gddt-da-nang"), ("th-ly-thuong-kiet", "ubnd-phuong-dong-da")]
REFORM_SUCCESSORS = [("so-gddt-quang-nam", "so-gddt-da-nang"), ("phong-gddt-dong-da", "ubnd-phuong-dong-da")]

BODIES_COMMON = [
    ("leadership", "Ban giám hiệu", "BGH"),
    ("committee", "Ban vì sự tiến bộ của phụ nữ", "Ban VSTBPN"),
    ("trade_union", "Công đoàn", "CĐ"),
    ("counselling_team", "Tổ tư vấn tâm lý", "Tổ TVTL"),
    ("office", "Văn phòng", "VP"),
]
BODIES_BY_SCHOOL = {
    "thpt-que-son": [
        ("youth_union", "Đoàn TNCS Hồ Chí Minh", "Đoàn TN"),
        ("subject_group", "Tổ Toán - Tin", "Tổ Toán"),
        ("subject_group", "Tổ Ngữ văn", "Tổ Văn"),
        ("subject_group", "Tổ Khoa học tự nhiên", "Tổ KHTN"),
        ("subject_group", "Tổ Khoa học xã hội", "Tổ KHXH"),
        ("subject_group", "Tổ Ngoại ngữ", "Tổ NN"),
    ],
    "th-ly-thuong-kiet": [
        ("pioneers", "Liên đội Lý Thường Kiệt", "Liên đội"),
        ("subject_group", "Tổ chuyên môn khối 1-2", "Tổ 1-2"),
        ("subject_group", "Tổ chuyên môn khối 3", "Tổ 3"),
        ("subject_group", "Tổ chuyên môn khối 4-5", "Tổ 4-5"),
    ],
}

# school code → (grades, classes per grade, students per class, staff count)
SCHOOL_SIZES = {
    "thpt-que-son": ([10, 11, 12], 4, 38, 72),
    "th-ly-thuong-kiet": ([1, 2, 3, 4, 5], 3, 32, 45),
}

# username, full name, unit code, role; every login gets the demo password.
LOGINS = [
    ("so.hanoi", "Trần Thu Hằng", "so-gddt-ha-noi", "province_officer"),
    ("so.danang", "Lê Văn Hùng", "so-gddt-da-nang", "province_officer"),
    ("xa.dongda", "Phạm Minh Tuấn", "ubnd-phuong-dong-da", "commune_officer"),
    ("ht.lythuongkiet", "Nguyễn Thị Lan", "th-ly-thuong-kiet", "principal"),
    ("ht.lythuongkiet", "Nguyễn Thị Lan", "ubnd-phuong-dong-da", "committee_member"),
    ("ban.lythuongkiet", "Đỗ Thị Hạnh", "th-ly-thuong-kiet", "committee_member"),
    ("to.lythuongkiet", "Vũ Thị Mai", "th-ly-thuong-kiet", "unit_lead"),
    ("gv.lythuongkiet", "Hoàng Văn Nam", "th-ly-thuong-kiet", "teacher"),
    ("tv.lythuongkiet", "Bùi Thị Thu Trang", "th-ly-thuong-kiet", "counsellor"),
    ("ht.queson", "Nguyễn Ngọc Chín", "thpt-que-son", "principal"),
    ("gv.queson", "Phan Thị Hoa", "thpt-que-son", "teacher"),
]
