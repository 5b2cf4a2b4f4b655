dofile(os.getenv("BENCH_LUA") .. "/common.lua")
-- Typos, inflections, prefixes and several words, as customers type them.
local queries = { "pasword", "refnd", "invoce", "subscripton", "two factr authentication", "exprt data", "webhok",
  "notifcation settings", "billing adress", "team permissons", "resetting passwords", "cancel subscriptions",
  "downlod invoices", "credt card", "delet account", "pass", "inv", "api ky", "singl sign-on", "restor backup" }
request = function()
  local q = queries[math.random(#queries)]:gsub(" ", "%%20")
  return wrk.format("GET", "/api/faqs?search=" .. q .. "&limit=" .. (os.getenv("LIMIT") or "50"))
end
response = function(status) count(status, 200) end
