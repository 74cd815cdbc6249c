"""Settings of the fault tests' subprocesses: the test settings with the database task backend
(a real `db_worker`), on the database and private-file folder named in the environment."""

from training_site.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
