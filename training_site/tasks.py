"""The old path of the e-mail and probe tasks, now in training_site.core.tasks.

A task queued before the move is stored under its path (the database backend's `task_path`, an
RQ job's function), so the worker finds it here. Remove this module one release after the move,
once no queued task names it.
"""

from training_site.core.tasks import probe_task, send_email_task

__all__ = ["probe_task", "send_email_task"]
