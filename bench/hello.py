"""The bare baseline: Flask answering "hello", served by gunicorn with the app's own settings."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    return "hello"
