--[[
  Job scheduler helpers (docs/protocol.md §5.15): the store of one iteration job
  "repeat:<sid>:<millis>". When iterations run is decided in Java (SchedulerSpec); the scripts only
  store the times they are given.
  q: table of queue keys {rep, delayed, wait, prioritized, pc, events, marker, meta, id, active}.
  Needs: common.
]]

-- Millis as text without exponent or fraction (".." would use %.14g).
local function millisText(n)
  return string.format("%.0f", n)
end

-- The "repeat" object stored in an iteration's opts, from the scheduler hash fields.
local function repeatOptsFromHash(schedulerKey, count)
  local h = redis.call("HMGET", schedulerKey, "every", "pattern", "tz", "limit", "startDate", "endDate", "offset")
  local r = {count = count}
  if h[1] then r["every"] = tonumber(h[1]) end
  if h[2] then r["pattern"] = h[2] end
  if h[3] then r["tz"] = h[3] end
  if h[4] then r["limit"] = tonumber(h[4]) end
  if h[5] then r["startDate"] = tonumber(h[5]) end
  if h[6] then r["endDate"] = tonumber(h[6]) end
  if h[7] and h[1] then r["offset"] = tonumber(h[7]) end
  return r
end

-- Stores and enqueues iteration "repeat:<sid>:<millis>" with the given opts table (which gets
-- jobId, delay, timestamp, prevMillis and repeatJobKey here); returns its id and delay.
local function storeSchedulerJob(K, q, sid, millis, name, data, opts, now, maxEvents)
  local id = "repeat:" .. sid .. ":" .. millisText(millis)
  local jobKey = K .. id
  local delay = math.max(millis - now, 0)
  opts["jobId"] = id
  opts["delay"] = delay
  opts["timestamp"] = now
  opts["prevMillis"] = millis
  opts["repeatJobKey"] = sid
  local priority = tonumber(opts["priority"]) or 0
  redis.call("HSET", jobKey, "name", name, "data", data, "opts", cjson.encode(opts), "timestamp", now,
    "delay", delay, "priority", priority, "rjk", sid)
  redis.call("XADD", q.events, "*", "event", "added", "jobId", id, "name", name)
  if delay > 0 then
    redis.call("ZADD", q.delayed, delayedScore(q.delayed, millis), id)
    redis.call("XADD", q.events, "MAXLEN", "~", maxEvents, "*", "event", "delayed", "jobId", id, "delay", millis)
    addDelayMarker(q.delayed, q.marker)
  else
    local pausedOrMaxed = isPausedOrMaxed(q.meta, q.active)
    enqueueReady(q.wait, q.prioritized, q.pc, q.marker, id, priority, opts["lifo"] == true, pausedOrMaxed)
    redis.call("XADD", q.events, "MAXLEN", "~", maxEvents, "*", "event", "waiting", "jobId", id)
  end
  return id, delay
end
