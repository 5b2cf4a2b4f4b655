dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local texts = {
  "I forgot my password and I am locked out of my account since this morning",
  "I was charged twice this month and want a refund of the second payment",
  "How can I export all my data before I cancel my subscription",
  "The webhook to our CRM stopped working after we changed the API key",
  "Please add two new team members and give them admin permissions",
}
request = function()
  local t = texts[math.random(#texts)]:gsub(" ", "%%20")
  return wrk.format("GET", "/api/faqs/suggestions?text=" .. t)
end
response = function(status) count(status, 200) end
