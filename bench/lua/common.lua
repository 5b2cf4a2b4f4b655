-- Shared by the bench scripts: per-thread counters that done() sums up and prints as
-- "BENCH key value" lines for bench/run to read.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  acked = 0
  failed = 0
  extra = 0
  math.randomseed(os.time() + (id or 0) * 7919)
end

-- Unique across threads and runs: bench/run sets BENCH_RUN to a fresh nonce for every wrk run,
-- and the rows a scenario writes carry it, so the harness can count exactly those.
function next_id()
  counter = counter + 1
  return string.format("%s-%d-%d", os.getenv("BENCH_RUN") or "run", id or 0, counter)
end

function count(status, ok_status)
  if status == ok_status then
    acked = acked + 1
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local a, f, e = 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + (t:get("acked") or 0)
    f = f + (t:get("failed") or 0)
    e = e + (t:get("extra") or 0)
  end
  io.write(string.format("BENCH acked %d\nBENCH failed %d\nBENCH extra %d\n", a, f, e))
  io.write(string.format("BENCH p50_ms %.2f\nBENCH p99_ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
