"""The starter question bank (65 questions written from the laws in DOMAIN.md), shared by every unit."""

from django.db import migrations


def load(apps, schema_editor):
    from binhdang.contests.starter import load as load_starter

    load_starter(apps.get_model("contests", "Question"), apps.get_model("contests", "Choice"),
                 apps.get_model("legal", "LegalDocument"))


class Migration(migrations.Migration):
    dependencies = [("contests", "0001_initial"), ("legal", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
