"""The WSGI entry point: `app` for flask run and gunicorn.

A refusal at start-up (broken content/, a missing or broken catalogue, template or static file, a bad
setting) is printed as one line naming the file and the problem, and the process exits with status 1.
"""

import sys

from advisor import StartupRefused, create_app

try:
    app = create_app()
except StartupRefused as refusal:
    sys.exit(f"advisor: refusing to start: {refusal}")
