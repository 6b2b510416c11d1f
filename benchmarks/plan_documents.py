"""Plan documents benchmark: reading a plan DOCX and writing one, each against python-docx alone.

    .venv/bin/python benchmarks/plan_documents.py [--copies 2] [--seconds 4]

Runs on a temporary SQLite database (its own var/ directory). Imports the 000 seed plan and
repeats its sections and task groups `--copies` times (2 copies: about ten pages), exports it once to
DOCX, then times on that same file, each for about `--seconds`:

  import baseline  python-docx opens the file and reads the text of every paragraph and table cell.
  import           binhdang.plans.importing.read_plan_file: the same reading, then the whole parse
                   (header, legal basis, citations, item tree, tasks, recipients, signer).
  export baseline  python-docx writes the same paragraphs with no formatting at all.
  export           plan_to_document (the plan's rows, read from the database) + render_docx
                   (the Nghị định 30 layout: fonts, header table, rules, page numbers, signature).

Prints plans/second for each and the ratio of each real path's time to its baseline's.
"""

import argparse
import io
import os
import tempfile
import time
from pathlib import Path

from _django import django_in  # benchmarks/ is on sys.path when a script runs

SEED = Path(os.environ.get("BINHDANG_SEEDS_DIR", Path(__file__).resolve().parents[2] / "shared" / "seeds"))
SEED_000 = "000_b75ea42580e22e9e.txt"




def _long_plan(unit, copies: int):
    """The 000 seed with its sections and task groups repeated `copies` times."""
    from binhdang.documents.spec import roman_numeral
    from binhdang.plans.importing import read_plan_file
    from binhdang.plans.models import PlanSection, Task, TaskGroup
    from binhdang.plans.services import plan_create_from_parsed

    path = SEED / SEED_000
    plan = plan_create_from_parsed(actor=None, unit=unit, parsed=read_plan_file(path.name, path.read_bytes()))
    sections = list(plan.sections.all())
    groups = list(plan.task_groups.prefetch_related("tasks"))
    for copy in range(1, copies):
        for section in sections:
            position = copy * len(sections) + section.position
            PlanSection.objects.create(plan=plan, position=position, heading=f"{roman_numeral(position)}.",
                                       title=section.title, kind="other" if section.kind == "tasks" else section.kind,
                                       body=section.body)
        for group in groups:
            twin = TaskGroup.objects.create(plan=plan, position=copy * len(groups) + group.position, title=group.title)
            made = {}
            for task in sorted(group.tasks.all(), key=lambda t: (t.parent_id is not None, t.position)):
                made[task.pk] = Task.objects.create(group=twin, position=task.position, text=task.text,
                                                    parent=made.get(task.parent_id))
    return plan


def _paragraph_texts(data: bytes) -> list[str]:
    import docx

    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for cell in table._cells:
            texts.extend(p.text for p in cell.paragraphs)
    return texts


def _import_baseline(data: bytes) -> None:
    _paragraph_texts(data)


def _import(data: bytes) -> None:
    from binhdang.plans.importing import read_plan_file

    read_plan_file("plan.docx", data)


def _export_baseline(texts: list[str]) -> None:
    import docx

    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    document.save(io.BytesIO())


def _export(plan_pk: int) -> None:
    from binhdang.documents.rendering.docx import render_docx
    from binhdang.plans.exporting import plan_to_document
    from binhdang.plans.selectors import plan_for_reading

    render_docx(plan_to_document(plan_for_reading().get(pk=plan_pk)))


def _rate(function, argument, seconds: float) -> float:
    """Plans per second over at least `seconds` (and at least three runs), after one warm-up."""
    function(argument)
    runs, start = 0, time.perf_counter()
    while runs < 3 or time.perf_counter() - start < seconds:
        function(argument)
        runs += 1
    return runs / (time.perf_counter() - start)


def _pages(data: bytes) -> str:
    """Pages of the PDF LibreOffice makes of it (pdfinfo), or why that could not be counted."""
    import subprocess

    from binhdang.documents.rendering.pdf import PdfRenderError, render_pdf

    try:
        pdf = render_pdf(data)
        info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True, timeout=60)
    except (PdfRenderError, OSError, subprocess.SubprocessError) as exc:
        return f"? ({exc})"
    return next((line.split()[1] for line in info.stdout.decode().splitlines() if line.startswith("Pages:")), "?")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=4.0)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="binhdang-bench-") as tmp_name:
        django_in(Path(tmp_name))
        from binhdang.documents.rendering.docx import render_docx
        from binhdang.orgs.services import org_unit_create
        from binhdang.plans.exporting import plan_to_document

        unit = org_unit_create(actor=None, acting_unit=None, code="truong-bench", name="Trường THPT Bench",
                               kind="school", parent=None, school_level="upper_secondary")
        plan = _long_plan(unit, options.copies)
        data = render_docx(plan_to_document(plan))
        texts = _paragraph_texts(data)
        print(f"plan: {len(texts)} paragraphs, {len(data) / 1024:.0f} KB DOCX, {_pages(data)} pages (PDF)")

        base_in = _rate(_import_baseline, data, options.seconds)
        real_in = _rate(_import, data, options.seconds)
        base_out = _rate(_export_baseline, texts, options.seconds)
        real_out = _rate(_export, plan.pk, options.seconds)
        print(f"import baseline (python-docx reads the text):   {base_in:7.1f} plans/s")
        print(f"import          (read_plan_file: read + parse):  {real_in:7.1f} plans/s")
        print(f"export baseline (python-docx, plain paragraphs): {base_out:7.1f} plans/s")
        print(f"export          (plan_to_document + render_docx): {real_out:7.1f} plans/s")
        print(f"ratio import/baseline: {base_in / real_in:.2f}x the time")
        print(f"ratio export/baseline: {base_out / real_out:.2f}x the time")


if __name__ == "__main__":
    main()
