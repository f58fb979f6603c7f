# Newsdesk: one image for every process in the Procfile (web, worker, scheduler).
#   docker build -t newsdesk .    then see compose.yaml
FROM python:3.13-slim-bookworm

# Pango, HarfBuzz and fonts for the PDF downloads; the PostgreSQL client for `manage.py backup`.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libfontconfig1 \
        fonts-dejavu-core fonts-liberation postgresql-client \
    && rm -rf /var/lib/apt/lists/*

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    VAR_DIR=/var/lib/newsdesk \
    PORT=8000

WORKDIR /app
COPY constraints.txt pyproject.toml ./
RUN pip install --require-hashes -r constraints.txt

COPY . .
RUN useradd --system --home-dir /app newsdesk \
    && mkdir -p "$VAR_DIR" && chown newsdesk "$VAR_DIR" \
    && SECRET_KEY=build-only python manage.py collectstatic --noinput --verbosity 0 \
    && chown -R newsdesk "$VAR_DIR"
USER newsdesk
EXPOSE 8000

# The Procfile's web process; compose.yaml runs the worker and scheduler from the same image.
CMD ["gunicorn", "config.wsgi:application", "--config", "gunicorn.conf.py"]
