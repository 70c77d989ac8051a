--[[
  Moves a completed or failed job back to wait (docs/protocol.md §5.12, job.retry).

  KEYS[1] the finished set (completed | failed)   KEYS[2] wait   KEYS[3] prioritized   KEYS[4] pc
  KEYS[5] meta   KEYS[6] events   KEYS[7] marker   KEYS[8] active
  ARGV[1] K   ARGV[2] job id   ARGV[3] state name ("completed" | "failed")
  Returns 1, or -1 (no job), -3 (not in that state).
]]
--@include common
local K, id = ARGV[1], ARGV[2]
local jobKey = K .. id
if redis.call("EXISTS", jobKey) == 0 then return -1 end
if redis.call("ZREM", KEYS[1], id) == 0 then return -3 end
local result = ARGV[3] == "failed" and "failedReason" or "returnvalue"
redis.call("HDEL", jobKey, "finishedOn", "processedOn", result)
redis.call("DEL", jobKey .. ":cancel")
local priority = tonumber(redis.call("HGET", jobKey, "priority")) or 0
enqueueReady(KEYS[2], KEYS[3], KEYS[4], KEYS[7], id, priority, priority == 0 and isLifo(jobKey),
  isPausedOrMaxed(KEYS[5], KEYS[8]))
local parentKey = redis.call("HGET", jobKey, "parentKey")
if parentKey then
  local from = ARGV[3] == "failed" and redis.call("ZREM", parentKey .. ":unsuccessful", jobKey)
    + redis.call("HDEL", parentKey .. ":failed", jobKey) or redis.call("HDEL", parentKey .. ":processed", jobKey)
  if from > 0 then redis.call("SADD", parentKey .. ":dependencies", jobKey) end
end
local maxEvents = getMaxEvents(KEYS[5])
redis.call("XADD", KEYS[6], "MAXLEN", "~", maxEvents, "*", "event", "waiting", "jobId", id, "prev", ARGV[3])
return 1
