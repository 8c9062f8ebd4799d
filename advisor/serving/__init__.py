"""Serving: make serve (nginx in front of gunicorn), gunicorn settings and worker, start-up checks."""
