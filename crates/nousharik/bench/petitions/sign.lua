-- wrk script: each request signs the petition as a different signer, read from the file that
-- `nousharik bench-petitions --out FILE` wrote (one line per signer: path, cookie, form body,
-- tab-separated). With T threads, thread k takes lines k, k+T, k+2T…; a thread that has used
-- all its signers stops, so no signer is sent twice. Size the file above the expected number
-- of requests (run.sh does): the figures then count signing requests only.
-- Usage: SIGNERS=signers.tsv WRK_THREADS=2 wrk -t2 -c64 -d20s -s sign.lua http://127.0.0.1:8080

local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local lines = {}
local next_line = 1
signed = 0
other = 0

function init(args)
  local file = os.getenv("SIGNERS")
  if not file then
    error("set SIGNERS to the file written by nousharik bench-petitions")
  end
  local step = tonumber(os.getenv("WRK_THREADS") or "1")
  local i = 0
  for line in io.lines(file) do
    if i % step == index then
      local path, cookie, body = line:match("^([^\t]+)\t([^\t]+)\t(.+)$")
      table.insert(lines, { path, cookie, body })
    end
    i = i + 1
  end
end

function request()
  local l = lines[next_line]
  if not l then
    wrk.thread:stop()
    return wrk.format("GET", "/healthz")
  end
  next_line = next_line + 1
  return wrk.format("POST", l[1], {
    ["Cookie"] = l[2],
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, l[3])
end

function response(status, headers, body)
  -- 303 = signed and committed (redirect to the petition); anything else is a failure.
  if status == 303 then
    signed = signed + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local s, o = 0, 0
  for _, t in ipairs(threads) do
    s = s + (t:get("signed") or 0)
    o = o + (t:get("other") or 0)
  end
  local secs = summary.duration / 1e6
  io.write(string.format("signed (303) %d, other statuses %d, socket errors %d\n", s, o,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("signatures per second %.0f\n", s / secs))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
