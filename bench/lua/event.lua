dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local headers = { ["Content-Type"] = "application/json" }
request = function()
  local body = string.format('{"user_identifier":"u%d","event_name":"bench_click","event_value":1,"event_id":"%s"}',
    math.random(1000000), "single-" .. next_id())
  return wrk.format("POST", "/api/ab-tests/bench/events", headers, body)
end
response = function(status) count(status, 201) end
