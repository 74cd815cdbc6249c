from django.db import migrations, models


def stated_dates_from_runs(apps, schema_editor):
    """Letters issued before: the best record of the dates they state is the run's dates now."""
    InvitationLetter = apps.get_model("courses", "InvitationLetter")
    for letter in InvitationLetter.objects.select_related("enrollment__run"):
        run = letter.enrollment.run
        letter.start_date, letter.end_date = run.start_date, run.end_date
        letter.save(update_fields=["start_date", "end_date"])


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="invitationletter",
            name="start_date",
            field=models.DateField(null=True, verbose_name="start date stated"),
        ),
        migrations.AddField(
            model_name="invitationletter",
            name="end_date",
            field=models.DateField(null=True, verbose_name="end date stated"),
        ),
        migrations.RunPython(stated_dates_from_runs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="invitationletter",
            name="start_date",
            field=models.DateField(verbose_name="start date stated"),
        ),
        migrations.AlterField(
            model_name="invitationletter",
            name="end_date",
            field=models.DateField(verbose_name="end date stated"),
        ),
    ]
