dofile(os.getenv("BENCH_LUA") .. "/common.lua")
request = function() return wrk.format("GET", "/api/health") end
response = function(status) count(status, 200) end
