--[[
  Completes or fails an active job for good (docs/protocol.md §5.4): lock check, retention, parent
  bookkeeping, events, metrics, and optionally the fetch of the next job.

  KEYS[1] wait     KEYS[2] active   KEYS[3] prioritized   KEYS[4] events   KEYS[5] limiter
  KEYS[6] delayed  KEYS[7] meta     KEYS[8] pc            KEYS[9] marker   KEYS[10] stalled
  KEYS[11] target set (completed | failed)   KEYS[12] metrics:<target>   KEYS[13] metrics:<target>:data
  KEYS[14] id (the job id counter, for a keepLastIfActive requeue)
  ARGV[1] K   ARGV[2] job id   ARGV[3] now (ms)   ARGV[4] target ("completed" | "failed")
  ARGV[5] returnvalue JSON (completed) or failedReason text (failed)   ARGV[6] lock token
  ARGV[7] stacktrace JSON array, or "" to leave it
  ARGV[8] keep count (-1 all, 0 none, n)   ARGV[9] keep age (ms) or ""   ARGV[10] age removal limit
  ARGV[11] metrics max data points, or "" for no metrics
  ARGV[12] "1" to fetch the next job   ARGV[13] next token   ARGV[14] next lock duration
  ARGV[15] worker name or ""
  ARGV[16] worker limiter max, or ""   ARGV[17] worker limiter duration (ms), or ""
  Returns {code}: {0} done, {-1} no job, {-2}/{-6} lock, {-3} not active, {-4}/{-9} children;
  or, when a fetch found something to say, the moveToActive reply
  {jobHashFlat | 0, jobId | 0, rateLimitTtlMs, nextDelayedDueMs}.
]]
--@include common
--@include promoteDelayed
--@include groups
--@include fetchJob
--@include parents
--@include dedup
local K, id, now, target = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local jobKey = K .. id
local completed = target == "completed"
if redis.call("EXISTS", jobKey) == 0 then return {-1} end
if completed then
  if redis.call("SCARD", jobKey .. ":dependencies") > 0 then return {-4} end
  if redis.call("ZCARD", jobKey .. ":unsuccessful") > 0 then return {-9} end
end
local rc = checkAndReleaseLock(jobKey, id, ARGV[6], KEYS[10])
if rc < 0 then return {rc} end
if completed then
  if ARGV[7] ~= "" then redis.call("HSET", jobKey, "stacktrace", ARGV[7]) end
elseif ARGV[7] ~= "" then
  redis.call("HSET", jobKey, "failedReason", ARGV[5], "stacktrace", ARGV[7])
else
  redis.call("HSET", jobKey, "failedReason", ARGV[5])
end
local pinfo = redis.call("HMGET", jobKey, "parentKey", "parent", "deid")
if redis.call("LREM", KEYS[2], -1, id) == 0 then return {-3} end
groupFinished(K, jobKey, id)
local maxEvents = getMaxEvents(KEYS[7])
redis.call("XTRIM", KEYS[4], "MAXLEN", "~", maxEvents)
redis.call("DEL", jobKey .. ":cancel")

if pinfo[3] then
  finishDedup(K, {wait = KEYS[1], active = KEYS[2], prioritized = KEYS[3], events = KEYS[4], delayed = KEYS[6],
    meta = KEYS[7], pc = KEYS[8], marker = KEYS[9], id = KEYS[14]}, pinfo[3], id, now, maxEvents)
end
if pinfo[1] then
  if completed then
    onChildCompleted(pinfo[1], jobKey, ARGV[5], now)
  else
    onChildFailed(pinfo[1], pinfo[2], jobKey, ARGV[5], now)
  end
end

local attempts = completed and 0 or jobAttempts(jobKey)
local atm = redis.call("HINCRBY", jobKey, "atm", 1)
local keepCount = tonumber(ARGV[8])
if keepCount ~= 0 then
  redis.call("ZADD", KEYS[11], now, id)
  if completed then
    redis.call("HSET", jobKey, "returnvalue", ARGV[5], "finishedOn", now)
  else
    redis.call("HSET", jobKey, "failedReason", ARGV[5], "finishedOn", now)
    redis.call("HDEL", jobKey, "defa")
  end
  if ARGV[9] ~= "" then
    local limit = tonumber(ARGV[10])
    if not limit or limit <= 0 then limit = 1000 end
    local old = redis.call("ZREVRANGEBYSCORE", KEYS[11], now - tonumber(ARGV[9]), "-inf", "LIMIT", 0, limit)
    for _, oldId in ipairs(old) do
      removeJobKeys(K .. oldId)
      redis.call("ZREM", KEYS[11], oldId)
    end
  end
  if keepCount > 0 then
    local extra = redis.call("ZREVRANGE", KEYS[11], keepCount, -1)
    for _, oldId in ipairs(extra) do removeJobKeys(K .. oldId) end
    if #extra > 0 then redis.call("ZREMRANGEBYRANK", KEYS[11], 0, -(keepCount + 1)) end
  end
else
  removeJobKeys(jobKey)
end

if completed then
  redis.call("XADD", KEYS[4], "*", "event", "completed", "jobId", id, "returnvalue", ARGV[5], "prev", "active")
else
  redis.call("XADD", KEYS[4], "*", "event", "failed", "jobId", id, "failedReason", ARGV[5], "prev", "active")
  if atm >= attempts then
    redis.call("XADD", KEYS[4], "*", "event", "retries-exhausted", "jobId", id, "attemptsMade", atm)
  end
end

if ARGV[11] ~= "" then
  local maxPoints = tonumber(ARGV[11])
  local count = redis.call("HINCRBY", KEYS[12], "count", 1) - 1
  local prev = redis.call("HMGET", KEYS[12], "prevTS", "prevCount")
  if not prev[1] then
    redis.call("HSET", KEYS[12], "prevTS", now, "prevCount", 0)
  else
    local n = math.min(math.floor(now / 60000) - math.floor(tonumber(prev[1]) / 60000), maxPoints)
    if n > 0 then
      redis.call("LPUSH", KEYS[13], count - tonumber(prev[2] or 0))
      local zeros = n - 1
      while zeros > 0 do
        local batch = {}
        for i = 1, math.min(zeros, 7000) do batch[i] = 0 end
        redis.call("LPUSH", KEYS[13], unpack(batch))
        zeros = zeros - #batch
      end
      redis.call("LTRIM", KEYS[13], 0, maxPoints - 1)
      redis.call("HSET", KEYS[12], "prevCount", count, "prevTS", now)
    end
  end
end

if ARGV[12] == "1" then
  local q = {wait = KEYS[1], active = KEYS[2], prioritized = KEYS[3], events = KEYS[4], limiter = KEYS[5],
    delayed = KEYS[6], meta = KEYS[7], pc = KEYS[8], marker = KEYS[9]}
  local next = fetchNextJob(q, K, ARGV[13], ARGV[14], now, ARGV[15], ARGV[16], ARGV[17])
  if next[1] ~= 0 or next[3] ~= 0 or next[4] ~= 0 or isPausedOrMaxed(KEYS[7], KEYS[2]) then
    return next
  end
end
if redis.call("LLEN", KEYS[1]) == 0 and redis.call("LLEN", KEYS[2]) == 0 and redis.call("ZCARD", KEYS[3]) == 0 then
  redis.call("XADD", KEYS[4], "*", "event", "drained")
end
return {0}
