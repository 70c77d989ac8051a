--[[
  Puts an active job back for another attempt (docs/protocol.md §5.5): at once (to wait, or its priority
  class) when the delay is 0, else to delayed with a backoff score.

  KEYS[1] wait   KEYS[2] active   KEYS[3] prioritized   KEYS[4] events   KEYS[5] delayed
  KEYS[6] meta   KEYS[7] pc       KEYS[8] marker        KEYS[9] stalled
  ARGV[1] K   ARGV[2] job id   ARGV[3] now (ms)   ARGV[4] delay (ms)   ARGV[5] "1" to count an attempt
  ARGV[6] lock token   ARGV[7] "1" when ARGV[8] holds a failedReason   ARGV[8] failedReason
  ARGV[9] stacktrace JSON array, or "" to leave it
  Returns 0, or -1 (no job), -2/-6 (lock), -3 (not active).
]]
--@include common
--@include promoteDelayed
local K, id, now, delay = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local jobKey = K .. id
if delay == 0 then
  local pausedOrMaxed = isPausedOrMaxed(KEYS[6], KEYS[2])
  promoteDelayedJobs(K, KEYS[5], KEYS[1], KEYS[3], KEYS[7], KEYS[4], KEYS[8], now, pausedOrMaxed)
end
if redis.call("EXISTS", jobKey) == 0 then return -1 end
local rc = checkAndReleaseLock(jobKey, id, ARGV[6], KEYS[9])
if rc < 0 then return rc end
if ARGV[7] == "1" then redis.call("HSET", jobKey, "failedReason", ARGV[8]) end
if ARGV[9] ~= "" then redis.call("HSET", jobKey, "stacktrace", ARGV[9]) end
if redis.call("LREM", KEYS[2], -1, id) == 0 then return -3 end
local maxEvents = getMaxEvents(KEYS[6])
if ARGV[5] == "1" then redis.call("HINCRBY", jobKey, "atm", 1) end

if delay == 0 then
  local priority = tonumber(redis.call("HGET", jobKey, "priority")) or 0
  local pausedOrMaxed = isPausedOrMaxed(KEYS[6], KEYS[2])
  enqueueReady(KEYS[1], KEYS[3], KEYS[7], KEYS[8], id, priority, priority == 0 and isLifo(jobKey), pausedOrMaxed)
  redis.call("XADD", KEYS[4], "MAXLEN", "~", maxEvents, "*", "event", "waiting", "jobId", id, "prev", "active")
else
  local due = now + delay
  redis.call("HSET", jobKey, "delay", delay)
  redis.call("ZADD", KEYS[5], delayedScore(KEYS[5], due), id)
  redis.call("XADD", KEYS[4], "MAXLEN", "~", maxEvents, "*", "event", "delayed", "jobId", id, "delay", due)
  addDelayMarker(KEYS[5], KEYS[8])
end
return 0
