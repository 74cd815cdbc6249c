"""Production settings: refusals with a one-line message, `check --deploy`, private storage."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import pytest

from training_site.settings import deployment

ROOT = Path(__file__).resolve().parents[3]
CLEARED = {
    "SECRET_KEY",
    "DATABASE_URL",
    "REDIS_URL",
    "TASKS_BACKEND",
    "STORAGE_BACKEND",
    "ALLOWED_HOSTS",
    "DEBUG",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests' conftest; a deployment never has it
}


def production_env(**overrides) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env.update(SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="rtc.example.org")
    env.update(overrides)
    return env


def run_python(*args: str, **env_overrides) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=production_env(**env_overrides),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def last_line(result: subprocess.CompletedProcess) -> str:
    return result.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("variable", "overrides"),
    [
        ("STORAGE_BACKEND", {"STORAGE_BACKEND": "ftp"}),
        ("S3_MEDIA_BUCKET", {"STORAGE_BACKEND": "s3"}),
        ("TASKS_BACKEND", {"TASKS_BACKEND": "celery"}),
        ("REDIS_URL", {"TASKS_BACKEND": "rq"}),
        ("DATABASE_URL", {"DATABASE_URL": "nonsense://"}),
        ("ALLOWED_HOSTS", {"ALLOWED_HOSTS": ""}),
        ("DEBUG", {"DEBUG": "1"}),
        ("TRUSTED_PROXIES", {"TRUSTED_PROXIES": "the-load-balancer"}),
    ],
)
def test_production_refuses_bad_configuration_naming_the_variable(variable, overrides):
    result = run_python("-c", "import training_site.settings.production", **overrides)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in last_line(result)
    assert variable in last_line(result)


def test_check_deploy_passes_with_the_environment_a_deployment_sets(tmp_path):
    result = run_python(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="training_site.settings.production",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        REDIS_URL="redis://127.0.0.1:6399/0",
        TASKS_BACKEND="rq",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_s3_keeps_private_files_signed_and_media_public():
    config = deployment.storages(
        {"STORAGE_BACKEND": "s3", "S3_MEDIA_BUCKET": "media", "S3_PRIVATE_BUCKET": "private"},
        private_root="/unused",
    )
    private = config["private"]["OPTIONS"]
    assert private["querystring_auth"] is True
    assert private["default_acl"] == "private"
    assert private["custom_domain"] is None
    assert private["querystring_expire"] <= 600
    assert config["default"]["OPTIONS"]["querystring_auth"] is False


def test_rq_backend_uses_redis_for_every_queue():
    tasks, rq_queues = deployment.tasks(
        {"TASKS_BACKEND": "rq", "TASKS_QUEUES": "default,bulk"}, redis_url="redis://r:6379/1"
    )
    assert tasks["default"]["BACKEND"] == "django_tasks_rq.RQBackend"
    assert set(rq_queues) == {"default", "bulk"} == set(tasks["default"]["QUEUES"])
    assert all(q["URL"] == "redis://r:6379/1" for q in rq_queues.values())


def test_database_task_backend_stays_the_default():
    tasks, rq_queues = deployment.tasks({}, redis_url="redis://r:6379/1")
    assert tasks["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert rq_queues is None


def test_unknown_storage_backend_is_refused_in_one_line():
    with pytest.raises(ImproperlyConfigured, match="STORAGE_BACKEND") as info:
        deployment.storages({"STORAGE_BACKEND": "ftp"}, private_root="/unused")
    assert "\n" not in str(info.value)


def test_private_files_on_disk_have_no_url():
    from django.core.files.base import ContentFile
    from django.core.files.storage import storages

    private = storages["private"]
    name = private.save("probe/certificate.pdf", ContentFile(b"%PDF-1.7"))
    try:
        with pytest.raises(ValueError, match="not accessible via a URL"):
            private.url(name)
    finally:
        private.delete(name)
