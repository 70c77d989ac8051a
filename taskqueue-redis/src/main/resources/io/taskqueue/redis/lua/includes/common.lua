--[[
  Shared helpers, inlined by ScriptRunner where a script includes "common".
  Conventions: K is the queue key prefix "P:Q:"; a job's key is K .. id. Numbers passed to
  redis.call are formatted by Redis with %.17g, so integer timestamps and scores stay exact; never
  build a key or a value from a large number with ".." (that uses %.14g).
]]

-- HGET meta opts.maxLenEvents, writing the default 10000 when it is missing.
local function getMaxEvents(metaKey)
  local m = redis.call("HGET", metaKey, "opts.maxLenEvents")
  if not m then
    m = 10000
    redis.call("HSET", metaKey, "opts.maxLenEvents", m)
  end
  return m
end

-- True when the meta field "paused" exists, or global concurrency is reached.
local function isPausedOrMaxed(metaKey, activeKey)
  local v = redis.call("HMGET", metaKey, "paused", "concurrency")
  if v[1] then return true end
  if v[2] then return redis.call("LLEN", activeKey) >= tonumber(v[2]) end
  return false
end

local function addBaseMarker(markerKey, pausedOrMaxed)
  if not pausedOrMaxed then redis.call("ZADD", markerKey, 0, "0") end
end

-- The delay marker: member "1" scored with the earliest due time (ms, possibly fractional).
local function addDelayMarker(delayedKey, markerKey)
  local first = redis.call("ZRANGE", delayedKey, 0, 0, "WITHSCORES")
  if first[2] then redis.call("ZADD", markerKey, tonumber(first[2]) / 0x1000, "1") end
end

local function addToPrioritized(prioritizedKey, pcKey, id, priority)
  local c = redis.call("INCR", pcKey)
  redis.call("ZADD", prioritizedKey, priority * 0x100000000 + (c % 0x100000000), id)
end

-- Score in "delayed" for a job due at "due" ms: due*4096 plus an insertion sequence.
local function delayedScore(delayedKey, due)
  local min = due * 0x1000
  local max = (due + 1) * 0x1000 - 1
  local r = redis.call("ZREVRANGEBYSCORE", delayedKey, max, min, "WITHSCORES", "LIMIT", 0, 1)
  if r[2] then
    local s = tonumber(r[2])
    if s < max then return s + 1 end
    return max
  end
  return min
end

local function isLifo(jobKey)
  local opts = redis.call("HGET", jobKey, "opts")
  if not opts then return false end
  local ok, o = pcall(cjson.decode, opts)
  return ok and type(o) == "table" and o["lifo"] == true
end

local function jobAttempts(jobKey)
  local opts = redis.call("HGET", jobKey, "opts")
  if not opts then return 0 end
  local ok, o = pcall(cjson.decode, opts)
  if ok and type(o) == "table" and tonumber(o["attempts"]) then return tonumber(o["attempts"]) end
  return 0
end

-- Lock check of docs/protocol.md §5.0: 0 when owned (the lock is then deleted), else -2 or -6.
local function checkAndReleaseLock(jobKey, id, token, stalledKey)
  if token == "0" then return 0 end
  local lock = redis.call("GET", jobKey .. ":lock")
  if lock == token then
    redis.call("DEL", jobKey .. ":lock")
    redis.call("SREM", stalledKey, id)
    return 0
  end
  if lock then return -6 end
  return -2
end

-- Deletes a job's hash and sub-keys (ours included); returns 1 when the hash existed.
local function removeJobKeys(jobKey)
  local existed = redis.call("DEL", jobKey)
  redis.call("DEL", jobKey .. ":logs", jobKey .. ":dependencies", jobKey .. ":processed",
    jobKey .. ":failed", jobKey .. ":unsuccessful", jobKey .. ":cp", jobKey .. ":cancel")
  return existed
end

-- Clears de:<deid> (and dn:<deid>) when it still points at the job.
local function removeDedupKey(K, jobKey, id)
  local deid = redis.call("HGET", jobKey, "deid")
  if deid then
    local deKey = K .. "de:" .. deid
    if redis.call("GET", deKey) == id then redis.call("DEL", deKey, K .. "dn:" .. deid) end
  end
end

-- True when the job is a job scheduler's job (rjk names an existing scheduler).
local function isSchedulerJob(K, jobKey, repeatKey)
  local rjk = redis.call("HGET", jobKey, "rjk")
  if not rjk then return false end
  return redis.call("EXISTS", K .. "repeat:" .. rjk) == 1 or redis.call("ZSCORE", repeatKey, rjk) ~= false
end

-- True when the job is the current iteration of its scheduler.
local function isCurrentSchedulerJob(jobKey, id, repeatKey)
  local rjk = redis.call("HGET", jobKey, "rjk")
  if not rjk then return false end
  local score = redis.call("ZSCORE", repeatKey, rjk)
  if not score then return false end
  return id == ("repeat:" .. rjk .. ":" .. string.format("%.0f", tonumber(score)))
end

-- Pushes a job into wait (or prioritized), with the base marker unless paused or maxed.
local function enqueueReady(waitKey, prioritizedKey, pcKey, markerKey, id, priority, lifo, pausedOrMaxed)
  if priority > 0 then
    addToPrioritized(prioritizedKey, pcKey, id, priority)
  elseif lifo then
    redis.call("RPUSH", waitKey, id)
  else
    redis.call("LPUSH", waitKey, id)
  end
  addBaseMarker(markerKey, pausedOrMaxed)
end
