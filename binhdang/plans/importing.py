"""Checks an uploaded or given plan file (type by content, size, emptiness) and parses it.

Used by `binhdang plan import` and by the import page (its form runs `check_plan_file`): one place decides what
a plan file is and which Vietnamese message a bad one gets.
"""

import io
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _

from .parsing import ParsedPlan, parse_plan_docx, parse_plan_text

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class PlanFileError(ValueError):
    """A file that cannot be imported as a plan; the message is for the user."""


def _decode_text(data: bytes) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise PlanFileError(_("Tệp không phải văn bản (.txt) hay Word (.docx)."))
    for encoding in ("utf-8-sig", "utf-16", "cp1258"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        return text
    raise PlanFileError(_("Không đọc được bảng mã của tệp văn bản: hãy lưu lại dưới dạng UTF-8."))


def check_plan_size(size: int) -> None:
    """The size rule alone, so an upload form can refuse a large file before reading it."""
    limit_mb = settings.MAX_UPLOAD_MB
    if size > limit_mb * 1024 * 1024:
        raise PlanFileError(_("Tệp quá lớn (%(size).1f MB); tối đa %(limit)d MB.")
                            % {"size": size / 1024 / 1024, "limit": limit_mb})


def check_plan_file(name: str, data: bytes) -> str:
    """The cheap checks (size, emptiness, type by content); returns "docx" or "txt".

    Parsing is left out: the upload form runs this in the request, the parse runs on the worker.
    """
    check_plan_size(len(data))
    if not data.strip():
        raise PlanFileError(_("Tệp “%(name)s” rỗng.") % {"name": name})
    if data.startswith(OLE_MAGIC):
        raise PlanFileError(_("Tệp Word 97–2003 (.doc) chưa được hỗ trợ: hãy mở bằng Word và lưu lại dưới dạng .docx."))
    if data.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                is_word = "word/document.xml" in archive.namelist()
        except zipfile.BadZipFile:
            is_word = False
        if not is_word:
            raise PlanFileError(_("Tệp “%(name)s” không phải tệp Word (.docx) hợp lệ.") % {"name": name})
        return "docx"
    if name.lower().endswith(".docx"):
        raise PlanFileError(_("Tệp “%(name)s” có đuôi .docx nhưng nội dung không phải Word.") % {"name": name})
    _decode_text(data)
    return "txt"


def read_plan_file(name: str, data: bytes) -> ParsedPlan:
    if check_plan_file(name, data) == "docx":
        try:
            parsed = parse_plan_docx(io.BytesIO(data))
        except (zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise PlanFileError(_("Tệp “%(name)s” không phải tệp Word (.docx) hợp lệ.") % {"name": name}) from exc
    else:
        parsed = parse_plan_text(_decode_text(data))
    if not parsed.title and not parsed.sections:
        raise PlanFileError(_("Không nhận ra cấu trúc của một kế hoạch trong “%(name)s”: không thấy tiêu đề "
                              "“KẾ HOẠCH” hay các mục I., II., …") % {"name": name})
    return parsed
