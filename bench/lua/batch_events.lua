dofile(os.getenv("BENCH_LUA") .. "/common.lua")
-- 1000 events per call; "extra" counts the events the server says it accepted.
local headers = { ["Content-Type"] = "application/json" }
request = function()
  local parts = {}
  local batch = next_id()
  for i = 1, 1000 do
    parts[i] = string.format('{"experiment":"bench","user_identifier":"u%d","event_name":"bench_batch","event_id":"b-%s-%d"}',
      math.random(1000000), batch, i)
  end
  return wrk.format("POST", "/api/ab/events", headers, '{"events":[' .. table.concat(parts, ",") .. ']}')
end
response = function(status, headers, body)
  count(status, 200)
  local accepted = body:match('"accepted":(%d+)')
  if accepted then extra = extra + tonumber(accepted) end
end
