dofile(os.getenv("BENCH_LUA") .. "/common.lua")
-- Half new users, half returning ones (the seeded u1..u1000000).
local headers = { ["Content-Type"] = "application/json" }
request = function()
  local user
  if math.random() < 0.5 then user = "new-" .. next_id() else user = "u" .. math.random(1000000) end
  return wrk.format("POST", "/api/ab-tests/bench/assign", headers, '{"user_identifier":"' .. user .. '"}')
end
response = function(status, headers, body)
  count(status, 200)
  if status == 200 and body:find('"new_assignment":true', 1, true) then extra = extra + 1 end
end
