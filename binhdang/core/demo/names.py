"""Synthetic Vietnamese names for demo rosters (common surnames and given names)."""

FAMILY_NAMES = [
    "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
    "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Trương", "Lương",
]
MIDDLE_FEMALE = ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Khánh", "Bảo", "Phương", "Hoài", "Diệu"]
MIDDLE_MALE = ["Văn", "Văn", "Minh", "Đức", "Quang", "Hữu", "Thành", "Gia", "Anh", "Công", "Trọng", "Bảo"]
GIVEN_FEMALE = [
    "Anh", "Ánh", "Châu", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa",
    "Huyền", "Hương", "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhi", "Nhung", "Oanh",
    "Phương", "Quyên", "Quỳnh", "Thảo", "Thơ", "Thủy", "Trang", "Trâm", "Uyên", "Vân", "Vy", "Yến",
]
GIVEN_MALE = [
    "An", "Bảo", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Hải", "Hào", "Hiếu", "Hoàng",
    "Hùng", "Huy", "Khang", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Minh", "Nam", "Nghĩa", "Phát",
    "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thịnh", "Toàn", "Trung", "Tuấn", "Vinh",
]
