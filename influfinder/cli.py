"""The project's commands, run inside the virtualenv by `python3 -m influfinder`.

    run [--prod] [--port N]   check, migrate, load demo data, then `reflex run`
    test [pytest args]        the whole test suite
    seed                      load the demo data into an empty database (any DATABASE_URL)
    migrate                   apply pending migrations
    move-media                move media out of Reflex's public upload folder (also done on start)
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Reflex must not reach anything but the package registries (REFLEX-NOTES.md).
REFLEX_ENV = {
    "REFLEX_USE_NPM": "1",
    "REFLEX_TELEMETRY_ENABLED": "false",
    "REFLEX_CHECK_LATEST_VERSION": "false",
}


def tool_environment() -> dict[str, str]:
    """The environment for Reflex and its Node: the virtualenv's bin first (Node >= 22 from PyPI)."""
    env = dict(os.environ)
    for key, value in REFLEX_ENV.items():
        env.setdefault(key, value)
    # Hot reload watches only the code: by default Reflex watches the whole root, where the SQLite
    # database lives, so every write would restart the backend and drop the socket.
    env.setdefault("REFLEX_HOT_RELOAD_OVERRIDE_PATHS", str(ROOT / "influfinder"))
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    return env


def _prepare_or_exit() -> None:
    from influfinder.startup import StartupError, prepare

    try:
        result = prepare()
    except StartupError as error:
        print(f"influfinder: {error}", file=sys.stderr)
        sys.exit(2)
    if result.demo_loaded:
        print("Loaded the demo data.")


def print_demo_accounts() -> None:
    from influfinder.services.demo_data import ACCOUNTS, DEMO_PASSWORD
    from influfinder.settings import get_settings

    if not get_settings().load_demo_data:
        return
    print("\nDemo accounts (password for all: %s)" % DEMO_PASSWORD)
    for account in ACCOUNTS:
        role = "admin" if account.is_admin else account.user_type.value.lower()
        print(f"  {role:<9} {account.email:<28} {account.name}")
    print()


def cmd_run(args: argparse.Namespace) -> None:
    if args.prod:
        os.environ["REFLEX_ENV_MODE"] = "prod"
    if args.port:
        # The default PUBLIC_URL names port 3000; on another port the browser's origin would be
        # refused by the WebSocket origin check. An explicit PUBLIC_URL (a proxy's origin) stays.
        os.environ.setdefault("PUBLIC_URL", f"http://localhost:{args.port}")
    _prepare_or_exit()
    print_demo_accounts()
    command = [sys.executable, "-m", "reflex", "run"]
    if args.prod:
        command += ["--env", "prod", "--single-port"]
        if args.port:
            command += ["--frontend-port", str(args.port), "--backend-port", str(args.port)]
    elif args.port:
        command += ["--frontend-port", str(args.port)]
    os.chdir(ROOT)
    os.execvpe(command[0], command, tool_environment())


def cmd_test(args: argparse.Namespace) -> None:
    # pytest's config lives in tests/ (the top level stays small); --rootdir keeps node ids and
    # testpaths relative to the repository.
    os.chdir(ROOT)
    command = [sys.executable, "-m", "pytest", "-c", "tests/pytest.ini", "--rootdir", ".", *args.pytest_args]
    sys.exit(subprocess.call(command, env=tool_environment()))


def cmd_seed(_args: argparse.Namespace) -> None:
    from influfinder import database
    from influfinder.services.demo_data import load_demo_data

    _check_or_exit()
    database.migrate()
    with database.session_scope() as db:
        loaded = load_demo_data(db)
    print("Loaded the demo data." if loaded else "The database already has users: nothing loaded.")
    if loaded:
        print_demo_accounts()


def cmd_migrate(_args: argparse.Namespace) -> None:
    from influfinder import database

    _check_or_exit()
    database.migrate()
    print("The database schema is up to date.")


def cmd_move_media(_args: argparse.Namespace) -> None:
    from influfinder.integrations.media_move import move_media_out_of_public_folder
    from influfinder.settings import get_settings

    _check_or_exit()
    report = move_media_out_of_public_folder(get_settings())
    print(f"Moved {report.moved} media files into UPLOAD_DIR." if report.moved else "No media files to move.")
    sys.exit(1 if report.kept else 0)


def _check_or_exit() -> None:
    from influfinder.startup import StartupError, check_services

    try:
        check_services()
    except StartupError as error:
        print(f"influfinder: {error}", file=sys.stderr)
        sys.exit(2)


def main(argv: list[str]) -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="python3 -m influfinder", description="Influfinder's commands.")
    commands = parser.add_subparsers(dest="command")
    run = commands.add_parser("run", help="run the app (default)")
    run.add_argument("--prod", action="store_true", help="production build, one port")
    run.add_argument("--port", type=int, default=None)
    run.set_defaults(func=cmd_run)
    test = commands.add_parser("test", help="run the whole test suite")
    test.add_argument("pytest_args", nargs=argparse.REMAINDER)
    test.set_defaults(func=cmd_test)
    commands.add_parser("seed", help="load demo data into an empty database").set_defaults(func=cmd_seed)
    commands.add_parser("migrate", help="apply pending migrations").set_defaults(func=cmd_migrate)
    commands.add_parser("move-media", help="move media out of Reflex's public upload folder"
                        ).set_defaults(func=cmd_move_media)
    if argv and argv[0] == "test":
        # Everything after `test` belongs to pytest, options included (`test -k login -x`).
        cmd_test(argparse.Namespace(pytest_args=argv[1:]))
        return
    args = parser.parse_args(argv or ["run"])
    args.func(args)
