--[[
  Job scheduler helpers (protocol 5.15): slot arithmetic of "every" schedules and the store of one
  iteration job "repeat:<sid>:<millis>".
  q: table of queue keys {rep, delayed, wait, prioritized, pc, events, marker, meta, id, active}.
  Needs: common.
]]

-- Millis as text without exponent or fraction (".." would use %.14g).
local function millisText(n)
  return string.format("%.0f", n)
end

-- The next slot of an "every" schedule, and the offset that fixes its phase. Slots are
-- k*every + offset, so workers that produce the next slot from the same previous one agree on it.
local function everyNextMillis(prevMillis, every, now, offset, startDate)
  local slot
  if not prevMillis then
    if startDate then
      slot = math.max(startDate, now)
    elseif offset and offset > 0 then
      slot = math.floor(now / every) * every + offset
      if slot <= now then slot = slot + every end
    else
      slot = now
    end
  else
    slot = prevMillis + every
    if slot < now then
      -- the queue fell behind: skip the missed slots, keep the phase
      local aligned = math.floor(now / every) * every + (offset or 0)
      if aligned <= now then aligned = aligned + every end
      slot = aligned
    end
  end
  if not offset then offset = slot - math.floor(slot / every) * every end
  return math.floor(slot), math.floor(offset)
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
