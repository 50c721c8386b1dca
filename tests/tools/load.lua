-- load.lua - wrk script for tests/tools/serve_load.sh: /api/stories and
-- /api/search in turn (one request in four with a nonce so that the
-- response cache is missed and the SQL runs), counting answers by class.
local counter = 0
c2, c3, c4, c5 = 0, 0, 0, 0 -- globals: done() reads them with thread:get
local threads = {}
local words = { "budget", "écoles", "militaires", "troops", "tempête", "grève", "council",
  "gouvernement", "inflation", "xyzzy", "\"la ville\"", "pr*" }

function setup(thread)
  table.insert(threads, thread)
end

local function esc(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  counter = counter + 1
  local path
  if counter % 2 == 0 then
    path = "/api/stories?limit=" .. (1 + counter % 50) .. "&offset=" .. (counter % 7)
  else
    path = "/api/search?q=" .. esc(words[1 + counter % #words]) .. "&limit=10"
  end
  if counter % 4 == 1 then
    path = path .. "&n=" .. counter
  end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status >= 500 then c5 = c5 + 1
  elseif status >= 400 then c4 = c4 + 1
  elseif status >= 300 then c3 = c3 + 1
  else c2 = c2 + 1 end
end

function done(summary, latency, requests)
  local t2, t3, t4, t5 = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    t2 = t2 + t:get("c2"); t3 = t3 + t:get("c3"); t4 = t4 + t:get("c4"); t5 = t5 + t:get("c5")
  end
  io.write(string.format("wrk-status: 2xx=%d 3xx=%d 4xx=%d 5xx=%d\n", t2, t3, t4, t5))
  local e = summary.errors
  io.write(string.format("wrk-errors: connect=%d read=%d write=%d status=%d timeout=%d\n",
    e.connect, e.read, e.write, e.status, e.timeout))
  io.write(string.format("wrk-latency: p50=%.1fms p99=%.1fms max=%.1fms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
