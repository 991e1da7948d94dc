"""`python3 -m influfinder [run|test|seed|migrate]` from a fresh clone.

This file uses the standard library only: it makes the project's virtualenv (.venv) on first
use, installs requirements.txt into it whenever that file changes, and then hands over to
influfinder.cli inside the virtualenv.
"""

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("INFLUFINDER_VENV", ROOT / ".venv"))
REQUIREMENTS = ROOT / "requirements.txt"
STAMP = VENV / ".requirements.sha256"


def _in_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def _ensure_venv() -> Path:
    python = VENV / "bin" / "python"
    if not python.exists():
        print(f"Creating the virtualenv in {VENV.name}/ ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        print("Installing requirements.txt (first run takes a few minutes) ...", flush=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-r", str(REQUIREMENTS)], check=True)
        STAMP.write_text(wanted)
    return python


def main() -> None:
    if sys.version_info < (3, 11):
        sys.exit("Influfinder needs Python 3.11 or newer.")
    if not _in_venv():
        python = _ensure_venv()
        os.chdir(ROOT)
        os.execv(str(python), [str(python), "-m", "influfinder", *sys.argv[1:]])
    from influfinder.cli import main as cli_main

    cli_main(sys.argv[1:])


if __name__ == "__main__":
    main()
