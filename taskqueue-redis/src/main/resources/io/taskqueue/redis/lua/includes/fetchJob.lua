--[[
  moveToActive steps 1-9 (docs/protocol.md §5.2), shared by moveToActive and moveToFinished.
  q: table of queue keys {wait, active, prioritized, events, limiter, delayed, meta, pc, marker}.
  limiterMax, limiterDuration: the worker's limiter ("" or nil when none); the meta "max" overrides
  the worker's max, and the worker's duration overrides the meta "duration" (docs/protocol.md §3).
  Returns {jobHashFlat | 0, jobId | 0, rateLimitTtlMs, nextDelayedDueMs}.
  Needs: common, promoteDelayed, groups.
]]
local function fetchNextJob(q, K, token, lockDuration, now, workerName, limiterMax, limiterDuration)
  local meta = redis.call("HMGET", q.meta, "paused", "concurrency", "max", "duration")
  local pausedOrMaxed = (meta[1] and true) or (meta[2] and redis.call("LLEN", q.active) >= tonumber(meta[2])) or false
  promoteDelayedJobs(K, q.delayed, q.wait, q.prioritized, q.pc, q.events, q.marker, now, pausedOrMaxed)

  local maxJobs = tonumber(meta[3]) or tonumber(limiterMax)
  local window = tonumber(limiterDuration) or tonumber(meta[4])
  if maxJobs then
    local used = tonumber(redis.call("GET", q.limiter) or 0)
    if used >= maxJobs then
      local pttl = redis.call("PTTL", q.limiter)
      if pttl == 0 then
        redis.call("DEL", q.limiter)
      elseif pttl > 0 then
        return {0, 0, pttl, 0}
      end
    end
  end
  if pausedOrMaxed then return {0, 0, 0, 0} end
  local groupOpen = groupRelease(K, q, now)

  local id
  for _ = 1, 100 do
    id = redis.call("RPOPLPUSH", q.wait, q.active)
    while id and string.sub(id, 1, 2) == "0:" do
      redis.call("LREM", q.active, 1, id)
      id = redis.call("RPOPLPUSH", q.wait, q.active)
    end
    if not id then
      local popped = redis.call("ZPOPMIN", q.prioritized)
      if popped[1] then
        id = popped[1]
        redis.call("LPUSH", q.active, id)
      else
        redis.call("DEL", q.pc)
      end
    end
    if not id or (redis.call("EXISTS", K .. id) == 1 and groupAdmit(K, q, id, now)) then break end
    -- an id whose hash is gone (deleted behind our back): drop it and take the next one
    redis.call("LREM", q.active, 1, id)
    id = nil
  end

  if id then
    local jobKey = K .. id
    if maxJobs and redis.call("HEXISTS", jobKey, "defa") == 0 then
      if redis.call("INCR", q.limiter) == 1 and window then
        redis.call("PEXPIRE", q.limiter, math.floor(math.abs(window)))
      end
    end
    if token ~= "0" then
      redis.call("SET", jobKey .. ":lock", token, "PX", lockDuration)
    end
    redis.call("XADD", q.events, "*", "event", "active", "jobId", id, "prev", "waiting")
    if workerName ~= "" then
      redis.call("HSET", jobKey, "processedOn", now, "pb", workerName)
    else
      redis.call("HSET", jobKey, "processedOn", now)
    end
    redis.call("HINCRBY", jobKey, "ats", 1)
    redis.call("ZADD", q.marker, 0, "0")
    return {redis.call("HGETALL", jobKey), id, 0, 0}
  end

  local first = redis.call("ZRANGE", q.delayed, 0, 0, "WITHSCORES")
  return {0, 0, 0, groupNextDue(first[2], groupOpen)}
end
