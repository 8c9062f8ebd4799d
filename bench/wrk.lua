-- One wrk scenario: method, body and headers come from the arguments after "--":
--   wrk ... URL -- METHOD BODY_FILE HEADER: value ...   (BODY_FILE "-" means no body)
-- At the end it prints one JSON line that bench/run.py reads.

function init(args)
  wrk.method = args[1] or "GET"
  local body_file = args[2] or "-"
  if body_file ~= "-" then
    local handle = assert(io.open(body_file, "rb"))
    wrk.body = handle:read("*a")
    handle:close()
  end
  for i = 3, #args do
    local name, value = string.match(args[i], "^([^:]+):%s*(.*)$")
    if name then wrk.headers[name] = value end
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, ' ..
    '"mean_us": %.1f, "connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
