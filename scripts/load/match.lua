-- POST /api/v1/match with a few needs in turn.
local needs = {"gevinstrealisering", "kunstig intelligens for ledere", "gratis nettkurs om personvern for kommuner",
               "informasjonssikkerhet og risikovurdering", "ledergruppen trenger felles språk om digital transformasjon"}
local i = 0
request = function()
  i = i + 1
  local body = '{"text":"' .. needs[(i % #needs) + 1] .. '","limit":10}'
  return wrk.format("POST", "/api/v1/match", {["Content-Type"] = "application/json"}, body)
end
