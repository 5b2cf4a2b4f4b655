dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local headers = {}
if os.getenv("BENCH_COOKIE") and os.getenv("BENCH_COOKIE") ~= "" then headers["Cookie"] = os.getenv("BENCH_COOKIE") end
request = function() return wrk.format("GET", os.getenv("BENCH_PAGE"), headers) end
response = function(status) count(status, 200) end
