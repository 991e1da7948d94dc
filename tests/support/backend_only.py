"""`python -m tests.support.backend_only --port N [--no-frontend]`: one more backend process of a build made elsewhere.

It serves the frontend already built in REFLEX_WEB_WORKDIR (mounted as the production app mounts
it) and the backend on one port, the way `python -m influfinder run --prod` serves both, but
without compiling or building: the second process of tests/support/cluster.py. It calls the same
function `reflex run --env prod` ends in (Granian, GRANIAN_WORKERS workers); the app's lifespan
tasks migrate, load demo data if asked, and start live delivery as in the first process.
"""

from __future__ import annotations

import argparse
import sys

from tests.support import ROOT


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.support.backend_only")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--no-frontend", action="store_true", help="the backend alone (socket-level tests)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))  # the app module and rxconfig.py, as `reflex run` finds them

    from reflex.utils import exec as reflex_exec
    from reflex_base import constants
    from reflex_base.environment import environment

    environment.REFLEX_ENV_MODE.set(constants.Env.PROD)
    environment.REFLEX_SKIP_COMPILE.set(True)  # the build is there already: never rebuild it here
    reflex_exec.run_backend_prod("127.0.0.1", args.port, constants.LogLevel.INFO,
                                mount_frontend_compiled_app=not args.no_frontend)


if __name__ == "__main__":
    main(sys.argv[1:])
