"""PDF of an official document: the DOCX from rendering/docx.py converted by LibreOffice
(headless), so the PDF has the same layout because it is the same document.

Each conversion runs in its own temporary directory with its own LibreOffice profile
(-env:UserInstallation): two conversions at once (two workers, or a test run next to the
server) would otherwise fight over the one profile lock and one of them would fail.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

# A 10-page plan converts in a few seconds; a first start of LibreOffice with a new profile
# takes longer. Anything past this is a hung process.
TIMEOUT_SECONDS = 120

logger = logging.getLogger(__name__)


class PdfRenderError(RuntimeError):
    """The PDF could not be made; str(error) is a Vietnamese message for the user."""


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def render_pdf(docx_bytes: bytes, *, timeout: float = TIMEOUT_SECONDS) -> bytes:
    soffice = soffice_path()
    if soffice is None:
        raise PdfRenderError(_("Máy chủ chưa cài LibreOffice nên chưa tạo được tệp PDF; hãy tải bản DOCX "
                               "hoặc báo quản trị viên (scripts/ensure-office.sh)."))
    with tempfile.TemporaryDirectory(prefix="binhdang-pdf-") as work:
        work_dir = Path(work)
        source = work_dir / "document.docx"
        source.write_bytes(docx_bytes)
        profile = (work_dir / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--nolockcheck", "--convert-to", "pdf", "--outdir", str(work_dir), str(source)]
        # Its own process group: soffice starts soffice.bin as a child, and a timeout must end both.
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=work_dir,
                                   start_new_session=True)
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise PdfRenderError(_("LibreOffice không chuyển xong tệp PDF sau %(seconds)d giây.")
                                 % {"seconds": int(timeout)}) from exc
        target = work_dir / "document.pdf"
        if process.returncode != 0 or not target.is_file():
            # What LibreOffice said is for the administrator (in English, technical): logged.
            logger.warning("soffice exited with %s: %s", process.returncode,
                           (stderr or stdout).decode("utf-8", "replace").strip()[-1000:])
            raise PdfRenderError(_("LibreOffice không chuyển được tệp sang PDF (mã lỗi %(code)s); hãy thử lại "
                                   "hoặc tải bản DOCX.") % {"code": process.returncode})
        return target.read_bytes()
