"""The documented backup and restore commands (bin/backup-db, bin/restore-db) on scratch databases."""

import os
import shutil
import sqlite3
import subprocess
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG = {"host": "127.0.0.1", "port": "5432", "user": "postgres"}


def run(*args: str, database_url: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ROOT / "bin" / args[0]), *args[1:]],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def psql(sql: str, database: str = "postgres") -> str:
    return subprocess.run(
        [
            "psql",
            "-h",
            PG["host"],
            "-p",
            PG["port"],
            "-U",
            PG["user"],
            "-d",
            database,
            "-Atqc",
            sql,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.strip()


def postgres_available() -> str | None:
    for tool in ("pg_dump", "pg_restore", "psql", "pg_isready"):
        if not shutil.which(tool):
            return f"{tool} is not installed"
    ready = subprocess.run(
        ["pg_isready", "-h", PG["host"], "-p", PG["port"], "-q"], timeout=10, check=False
    )
    return None if ready.returncode == 0 else "PostgreSQL is not reachable on 127.0.0.1:5432"


def test_postgresql_backup_restores_into_another_database(tmp_path):
    if reason := postgres_available():
        pytest.skip(reason)
    source, target = (f"rtc_backup_{kind}_{uuid.uuid4().hex[:8]}" for kind in ("src", "dst"))
    try:
        psql(f'CREATE DATABASE "{source}"')
        psql(f'CREATE DATABASE "{target}"')
        psql(
            "CREATE TABLE certificate (serial text PRIMARY KEY, holder text);"
            "INSERT INTO certificate VALUES ('RTC-2026-0001', 'أمينة بن علي');",
            source,
        )
        url = f"postgres://{PG['user']}@{PG['host']}:{PG['port']}"
        dump = run("backup-db", str(tmp_path / "db.dump"), database_url=f"{url}/{source}")
        run("restore-db", dump.stdout.strip(), database_url=f"{url}/{target}")
        holder = psql("SELECT holder FROM certificate WHERE serial = 'RTC-2026-0001'", target)
        assert holder == "أمينة بن علي"
    finally:
        for name in (source, target):
            psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_sqlite_backup_restores_into_another_file(tmp_path):
    if not shutil.which("sqlite3"):
        pytest.skip("sqlite3 is not installed")
    source, target = tmp_path / "site.sqlite3", tmp_path / "restored.sqlite3"
    with sqlite3.connect(source) as db:
        db.execute("CREATE TABLE certificate (serial text PRIMARY KEY, holder text)")
        db.execute("INSERT INTO certificate VALUES ('RTC-2026-0002', 'Jean Dupont')")
    db.close()
    dump = run("backup-db", str(tmp_path / "backup.sqlite3"), database_url=f"sqlite:///{source}")
    run("restore-db", dump.stdout.strip(), database_url=f"sqlite:///{target}")
    with sqlite3.connect(target) as db:
        row = db.execute("SELECT holder FROM certificate WHERE serial = 'RTC-2026-0002'").fetchone()
    db.close()
    assert row == ("Jean Dupont",)
