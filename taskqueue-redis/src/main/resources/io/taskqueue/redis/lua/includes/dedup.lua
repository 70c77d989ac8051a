--[[
  Deduplication (docs/protocol.md §5.14): de:<id> holds the owner's job id (optionally with a PX ttl),
  dn:<id> the job stored by keepLastIfActive while the owner runs.
  de is the decoded opts "de" table {id, ttl?, extend?, replace?, keepLastIfActive?}.
  Needs: common.
]]

-- SET de:<id> to the job: with the ttl, except under keepLastIfActive (no expiry then).
local function setDedupKey(deKey, jobId, de)
  local ttl = tonumber(de["ttl"])
  if ttl and ttl > 0 and not de["keepLastIfActive"] then
    redis.call("SET", deKey, jobId, "PX", ttl)
  else
    redis.call("SET", deKey, jobId)
  end
end

-- A key without expiry whose owner is gone would block the id for ever: hand it to the new job.
local function takeOverStaleDedupKey(K, deKey, dnKey, owner, jobId, de)
  if owner and redis.call("PTTL", deKey) == -1 and redis.call("EXISTS", K .. owner) == 0 then
    redis.call("DEL", deKey, dnKey)
    setDedupKey(deKey, jobId, de)
    return true
  end
  return false
end

-- keepLastIfActive with a running owner: remember the new job (the last one wins) in dn:<id>.
local function storeDedupNext(K, activeKey, eventsKey, maxEvents, de, owner, jobId, name, data, optsJson)
  if not de["keepLastIfActive"] or not owner then return false end
  local running = false
  for _, v in ipairs(redis.call("LRANGE", activeKey, 0, -1)) do
    if v == owner then running = true; break end
  end
  if not running then return false end
  local dnKey = K .. "dn:" .. de["id"]
  redis.call("DEL", dnKey)
  redis.call("HSET", dnKey, "name", name, "data", data, "opts", optsJson, "jid", jobId)
  redis.call("PERSIST", K .. "de:" .. de["id"])
  redis.call("XADD", eventsKey, "MAXLEN", "~", maxEvents, "*", "event", "deduplicated", "jobId", owner,
    "deduplicationId", de["id"], "deduplicatedJobId", jobId)
  return true
end

-- Step 4 of an add. Returns the id of the job that keeps the dedup id (nothing is created), or
-- nil when the add goes on with jobId as the new owner.
local function deduplicate(K, q, maxEvents, de, jobId, name, data, optsJson)
  local d = de["id"]
  local deKey, dnKey = K .. "de:" .. d, K .. "dn:" .. d
  local ttl = tonumber(de["ttl"]) or 0
  local owner = redis.call("GET", deKey)
  if de["replace"] then
    if not owner then
      setDedupKey(deKey, jobId, de)
      return nil
    end
    if redis.call("ZREM", q.delayed, owner) > 0 then
      -- Debounce: the still-delayed owner is replaced by the new job.
      removeJobKeys(K .. owner)
      redis.call("XADD", q.events, "*", "event", "removed", "jobId", owner, "prev", "delayed")
      redis.call("XADD", q.events, "MAXLEN", "~", maxEvents, "*", "event", "deduplicated", "jobId", jobId,
        "deduplicationId", d, "deduplicatedJobId", owner)
      redis.call("DEL", dnKey)
      if not de["keepLastIfActive"] and not de["extend"] and ttl > 0 then
        redis.call("SET", deKey, jobId, "KEEPTTL")
      else
        setDedupKey(deKey, jobId, de)
      end
      return nil
    end
    if takeOverStaleDedupKey(K, deKey, dnKey, owner, jobId, de) then return nil end
    storeDedupNext(K, q.active, q.events, maxEvents, de, owner, jobId, name, data, optsJson)
    return owner
  end
  local exists
  if ttl > 0 and de["extend"] then
    if not owner then
      setDedupKey(deKey, jobId, de)
      return nil
    end
    if takeOverStaleDedupKey(K, deKey, dnKey, owner, jobId, de) then return nil end
    if storeDedupNext(K, q.active, q.events, maxEvents, de, owner, jobId, name, data, optsJson) then
      return owner
    end
    setDedupKey(deKey, owner, de)
    exists = true
  elseif ttl > 0 and not de["keepLastIfActive"] then
    exists = not redis.call("SET", deKey, jobId, "PX", ttl, "NX")
  else
    exists = not redis.call("SET", deKey, jobId, "NX")
  end
  if not exists then return nil end
  owner = redis.call("GET", deKey)
  if takeOverStaleDedupKey(K, deKey, dnKey, owner, jobId, de) then return nil end
  if storeDedupNext(K, q.active, q.events, maxEvents, de, owner, jobId, name, data, optsJson) then
    return owner
  end
  redis.call("XADD", q.events, "MAXLEN", "~", maxEvents, "*", "event", "deduplicated", "jobId", owner,
    "deduplicationId", d, "deduplicatedJobId", jobId)
  return owner
end

-- Step 7 of a finish: clears the key when it is spent or still ours, then adds the stored next job.
-- q needs wait, active, prioritized, pc, delayed, events, meta, marker, id.
local function finishDedup(K, q, deid, jobId, now, maxEvents)
  local deKey, dnKey = K .. "de:" .. deid, K .. "dn:" .. deid
  local pttl = redis.call("PTTL", deKey)
  if pttl == 0 or (pttl == -1 and redis.call("GET", deKey) == jobId) then redis.call("DEL", deKey) end
  if redis.call("EXISTS", dnKey) == 0 then return end
  local n = redis.call("HMGET", dnKey, "name", "data", "opts", "jid")
  local counter = redis.call("INCR", q.id)
  local id = n[4] or tostring(counter)
  local ok, opts = pcall(cjson.decode, n[3])
  if not ok or type(opts) ~= "table" then opts = {} end
  if type(opts["de"]) == "table" then setDedupKey(deKey, id, opts["de"]) end
  local delay = tonumber(opts["delay"]) or 0
  local priority = tonumber(opts["priority"]) or 0
  local jobKey = K .. id
  redis.call("HSET", jobKey, "name", n[1], "data", n[2], "opts", n[3], "timestamp", now, "delay", delay,
    "priority", priority)
  if type(opts["de"]) == "table" and opts["de"]["id"] then redis.call("HSET", jobKey, "deid", opts["de"]["id"]) end
  redis.call("XADD", q.events, "*", "event", "added", "jobId", id, "name", n[1])
  if delay > 0 then
    redis.call("ZADD", q.delayed, delayedScore(q.delayed, now + delay), id)
    redis.call("XADD", q.events, "MAXLEN", "~", maxEvents, "*", "event", "delayed", "jobId", id, "delay", now + delay)
    addDelayMarker(q.delayed, q.marker)
  else
    enqueueReady(q.wait, q.prioritized, q.pc, q.marker, id, priority, opts["lifo"] == true,
      isPausedOrMaxed(q.meta, q.active))
    redis.call("XADD", q.events, "MAXLEN", "~", maxEvents, "*", "event", "waiting", "jobId", id)
  end
  redis.call("DEL", dnKey)
end
