"""A task queued before training_site.tasks moved to training_site.core.tasks still runs."""

from django.utils.module_loading import import_string

from training_site.core.tasks import probe_task, send_email_task


def test_tasks_queued_under_their_old_path_are_found():
    assert import_string("training_site.tasks.send_email_task") is send_email_task
    assert import_string("training_site.tasks.probe_task") is probe_task
