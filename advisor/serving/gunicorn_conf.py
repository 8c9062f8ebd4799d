"""Production settings for gunicorn (`make serve` runs it behind nginx; the benchmark uses the same file).

gunicorn never faces the network: `make serve` (advisor/serving/serve.py) binds it to a Unix socket that only
nginx (deploy/nginx.conf) uses. nginx reads every request completely, however slowly a phone sends it,
before passing it on, and takes the whole answer at once, so a worker is never tied up by a slow
client; gunicorn alone would be: six connections trickling their headers hold five sync workers.

Workers: 2 × cores + 1 synchronous workers. Every request is short and CPU-bound (rendering a page
from data already in memory; nothing waits on a database or another service) and arrives complete
from nginx, so one process per core does the work and the extra ones keep the cores busy between
requests. More would only add memory and context switches. ADVISOR_WORKERS overrides the count.

The app is loaded once before forking (preload): content/, the catalogues, templates and static files
are checked a single time, a broken file stops the start with its name and problem before any worker
exists, and the workers share the loaded pages of memory. Then (when_ready) every template is compiled and
every kept page rendered in the master too (advisor/serving/startup.py, load_everything): a worker forked
later, after a crash, starts with all of it in memory and reads none of the site's files, so a file broken
on disk after start-up changes nothing until a deliberate reload (make reload, docs/deployment.md).

Logging: no access log, and the worker class (advisor/serving/gunicorn_worker.py) logs a malformed request as
its kind only: never the client's address or the request line, which may carry a query string.
"""

import gc
import multiprocessing
import os
import sys

from advisor.serving.startup import InstallationError, load_everything

bind = os.environ.get("ADVISOR_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("ADVISOR_WORKERS", 2 * multiprocessing.cpu_count() + 1))
worker_class = "advisor.serving.gunicorn_worker.QuietSyncWorker"
preload_app = True
# A request that takes this long is stuck: the worker is replaced rather than left hanging.
timeout = 30
graceful_timeout = 10
# No access log: it would record visitors' addresses, and answers never travel in URLs anyway.
accesslog = None
errorlog = "-"
loglevel = "info"
# No control socket: it would sit at one fixed path in the home folder, shared by every gunicorn
# on the machine (the benchmark runs two at once), and nothing here uses it.
control_socket_disable = True
# Bodies above MAX_CONTENT_LENGTH are refused by the app (413); these stop oversized headers.
limit_request_line = 4094
limit_request_fields = 100
# On the Unix socket gunicorn trusts X-Forwarded-Proto, which nginx sets: the app knows whether the visitor used TLS.


def when_ready(server):
    """After the app is loaded in the master, before any worker forks: every template and kept page loaded
    (a refusal stops the master in one line), then everything loaded so far (content/, templates, catalogues,
    modules) moved out of the garbage collector's sight. The workers then never scan those objects in a full
    collection (which took up to 17 ms), and never write to their pages, so the pages stay shared between
    workers instead of being copied into each."""
    app = server.app.wsgi()
    try:
        if "advisor.content" in getattr(app, "extensions", {}):  # not the benchmark's bare apps (bench/)
            load_everything(app)
    except InstallationError as refusal:
        server.log.error("advisor: refusing to start: %s", refusal)
        sys.exit(1)
    gc.collect()
    gc.freeze()
