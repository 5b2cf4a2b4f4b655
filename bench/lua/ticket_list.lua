dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local paths = {
  "/api/tickets?limit=50",
  "/api/tickets?status=new&limit=50",
  "/api/tickets?status=in-progress&priority=medium&limit=50",
  "/api/tickets?priority=urgent&limit=50",
  "/api/tickets?assignee=none&status=resolved&limit=50",
}
local headers = { ["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "") }
request = function() return wrk.format("GET", paths[math.random(#paths)], headers) end
response = function(status) count(status, 200) end
