dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local headers = { ["Content-Type"] = "application/json" }
request = function()
  local n = next_id()
  local body = string.format('{"title":"Bench ticket %s","description":"Created by the benchmark, request %s","priority":"high","contact_email":"bench-%s@example.com"}', n, n, n)
  return wrk.format("POST", "/api/tickets", headers, body)
end
response = function(status) count(status, 201) end
