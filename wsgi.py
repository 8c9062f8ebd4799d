"""The WSGI entry point: `app` for flask run and gunicorn."""

from advisor import create_app

app = create_app()
