"""The 000 seed plan (THPT Quế Sơn, 2023) written out by hand as an OfficialDocument,
shortened but with every kind of block the renderer has to lay out."""

import datetime as dt

from binhdang.documents.spec import (
    Bullet,
    Heading,
    OfficialDocument,
    Paragraph,
    Recipient,
    Signer,
)

SUMMARY = "Triển khai thực hiện công tác bình đẳng giới năm 2023"
LEGAL_BASIS = [
    "Thực hiện Kế hoạch số 6830/KH-UBND ngày 01/10/2021 của UBND tỉnh về triển khai thực "
    "hiện Chiến lược quốc gia về bình đẳng giới trên địa bàn tỉnh Quảng Nam giai đoạn "
    "2021-2025",
    "Công văn 559/SGDĐT-CTHSSV ngày 16/3/2023 về việc triển khai thực hiện công tác Bình đẳng "
    "giới trong ngành giáo dục năm 2023",
]
INTRO = ("Trường THPT Quế Sơn ban hành kế hoạch thực hiện công tác bình đẳng giới năm 2023 "
         "với các nội dung sau:")
CLOSING = (
    "Trên đây là Kế hoạch Bình đẳng giới năm 2023 của trường THPT Quế Sơn, yêu cầu toàn thể "
    "cán bộ, giáo viên, nhân viên và học sinh nghiêm túc thực hiện. Trong quá trình tổ chức "
    "thực hiện nếu có vướng mắc, phát sinh cần sửa đổi, bổ sung cần báo ngay với Hiệu trưởng "
    "để xem xét điều chỉnh kịp thời ./."
)
BODY = [
    Heading(1, "Mục đích, yêu cầu", "I."),
    Heading(2, "Mục đích", "1."),
    Heading(3, "Tổ chức thực hiện tốt các chính sách, chương trình về bình đẳng giới, thúc "
               "đẩy bình đẳng giới trong trường học.", "a)"),
    Heading(3, "Tăng cường sự phối hợp giữa các tổ chức đoàn thể trong việc triển khai thực "
               "hiện công tác bình đẳng giới.", "b)"),
    Heading(2, "Yêu cầu", "2."),
    Paragraph("Các tổ chức đoàn thể, cán bộ, giáo viên, nhân viên và học sinh bám sát nhiệm "
              "vụ, giải pháp trọng tâm của Kế hoạch này và nghiêm túc triển khai thực hiện đạt "
              "kết quả."),
    Heading(1, "NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", "II."),
    Heading(2, "Đẩy mạnh truyền thông, tuyên truyền, phổ biến, giáo dục chính sách, pháp luật "
               "về bình đẳng giới", "1."),
    Bullet("Truyền thông, quảng bá Tổng đài điện thoại quốc gia bảo vệ trẻ em (số 111), Tổng "
           "đài Trung tâm Công tác xã hội Quảng Nam (số 18001581) để mọi người dân và học sinh "
           "liên hệ miễn phí khi có nhu cầu được tư vấn, tham vấn, hỗ trợ, can thiệp."),
    Bullet("Hình thức tuyên truyền: Trong các buổi sinh hoạt dưới cờ, họp hội đồng"),
    Bullet("Tham gia các cuộc thi về chủ đề bình đẳng giới và bạo lực của cấp trên tổ chức, "
           "các hoạt động giao lưu văn nghệ, thể thao...", "+"),
    Heading(2, "Tổ chức Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực "
               "trên cơ sở giới từ 15/11 đến 15/12 (Tháng hành động)", "5."),
    Heading(3, "Xây dựng Kế hoạch thực hiện Tháng hành động theo hướng dẫn, chỉ đạo của cấp "
               "có thẩm quyền.", "a)"),
    Heading(1, "Tổ chức thực hiện", "III."),
    Bullet("Tăng cường đưa các nội dung giáo dục về giới, giới tính, sức khỏe sinh sản, bình "
           "đẳng giới vào các tiết dạy, sinh hoạt chủ điểm học sinh."),
]
RECIPIENTS = [
    Recipient("Sở GDĐT", "để báo cáo"),
    Recipient("BGH, CĐ, Đoàn TN", "để thực hiện"),
    Recipient("TT CM, Văn phòng", "để thực hiện"),
    Recipient.archive(),
]


def seed_000_document(**changes) -> OfficialDocument:
    values = {
        "parent_body": "SỞ GD&ĐT QUẢNG NAM",
        "issuer": "TRƯỜNG THPT QUẾ SƠN",
        "number_code": "Số: 05/KH-THPTQS",
        "place": "Quế Sơn",
        "date": dt.date(2023, 1, 5),
        "doc_type_title": "KẾ HOẠCH",
        "summary": SUMMARY,
        "legal_basis": list(LEGAL_BASIS),
        "intro": INTRO,
        "body": list(BODY),
        "closing": CLOSING,
        "signer": Signer(position="HIỆU TRƯỞNG", name="Nguyễn Ngọc Chín"),
        "recipients": list(RECIPIENTS),
    }
    values.update(changes)
    return OfficialDocument(**values)
