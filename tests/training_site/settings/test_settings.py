import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _import_settings(module: str, **env_vars) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL"}}
    env.update(env_vars)
    return subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("key", [None, "", "insecure-development-key-change-me", "short", "x" * 50])
def test_production_refuses_a_missing_or_default_secret_key(key):
    extra = {} if key is None else {"SECRET_KEY": key}
    result = _import_settings("training_site.settings.production", **extra)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_starts_with_a_real_secret_key():
    result = _import_settings(
        "training_site.settings.production",
        SECRET_KEY="k3y-" + "0123456789abcdef" * 3,
        ALLOWED_HOSTS="rtc.example.org",
    )
    assert result.returncode == 0, result.stderr


def test_unparseable_database_url_names_the_variable():
    result = _import_settings("training_site.settings.base", DATABASE_URL="nonsense://")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
