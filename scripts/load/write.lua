-- POST /api/v1/feedback with a unique reference per request; counts acknowledged (201) writes per thread and
-- prints them, so the script can check that every acknowledged write is in the store.
local threads = {}
local counter = 1
function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end
function init(args)
  n = 0
  acknowledged = 0
end
request = function()
  n = n + 1
  local body = '{"target":"svar","reference":"last-' .. id .. '-' .. n .. '","verdict":"riktig","comment":"lasttest"}'
  return wrk.format("POST", "/api/v1/feedback", {["Content-Type"] = "application/json"}, body)
end
response = function(status, headers, body)
  if status == 201 then acknowledged = acknowledged + 1 end
end
done = function(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("acknowledged") end
  io.write("ACKNOWLEDGED " .. total .. "\n")
end
