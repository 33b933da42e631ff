-- wrk script of bench/participation-form.sh: POSTs the public suggestion form with a distinct text and a new form key
-- each time. With POOL set (a file of "cookie<TAB>token" lines, one per GET of the form), every POST carries one of
-- those valid antiforgery cookie + token pairs, taken in turn. Counts the acknowledged posts (a redirect to the
-- receipt) and writes their receipt codes to RECEIPTS.<thread> so that the script can compare them with the database.
-- With DRAIN_AFTER set (seconds), posting stops that long after the start and the connections ask GET /health until
-- wrk ends: every post then gets its answer before wrk closes its connections, so no post is left in flight.
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  path = os.getenv("FORM_PATH")
  pool = {}
  local file = os.getenv("POOL")
  if file and file ~= "" then
    for line in io.lines(file) do
      local cookie, token = line:match("^([^\t]+)\t(.+)$")
      table.insert(pool, { cookie = cookie, token = token })
    end
  end
  math.randomseed(os.time() * 1000 + id)
  sent, acknowledged, other, drained = 0, 0, 0, 0
  drain_at = os.getenv("DRAIN_AFTER") and os.getenv("DRAIN_AFTER") ~= "" and os.time() + tonumber(os.getenv("DRAIN_AFTER")) or nil
  receipts = io.open(os.getenv("RECEIPTS") .. "." .. id, "w")
  receipts:setvbuf("line")
end

local function key()
  local r = math.random
  return string.format("%08x-%04x-4%03x-%04x-%04x%08x", r(0, 0x7fffffff), r(0, 0xffff), r(0, 0xfff), r(0x8000, 0xbfff), r(0, 0xffff), r(0, 0x7fffffff))
end

function request()
  if drain_at and os.time() >= drain_at then
    return wrk.format("GET", "/health")
  end
  sent = sent + 1
  local body = "Text=Suggestion+" .. id .. "-" .. sent .. "+from+the+load+test%3A+light+the+path+along+the+river+near+house+" .. math.random(1, 999)
    .. "&SubmissionKey=" .. key()
  local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
  if #pool > 0 then
    local pair = pool[(sent + id * 7919) % #pool + 1]
    headers["Cookie"] = pair.cookie
    body = body .. "&__RequestVerificationToken=" .. pair.token
  end
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
  if drain_at and status == 200 and headers["Content-Type"] == "application/json" then
    drained = drained + 1
  elseif status == 302 then
    acknowledged = acknowledged + 1
    receipts:write((headers["Location"] or ""):match("/suggestions/([^?]+)") or "", "\n")
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local s, a, o, d = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    s = s + thread:get("sent")
    a = a + thread:get("acknowledged")
    o = o + thread:get("other")
    d = d + thread:get("drained")
  end
  io.write(string.format("lua: sent %d, acknowledged (302) %d, other statuses %d, health checks while draining %d\n", s, a, o, d))
end
