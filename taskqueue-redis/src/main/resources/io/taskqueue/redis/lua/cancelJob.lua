--[[
  Cancels a job (a taskqueue extension; no BullMQ reader sees a new key or field).
  A waiting, prioritized, delayed or waiting-children job is failed at once with the reason and
  the "failed" event (prev = its state). An active job gets the durable flag K<id>:cancel
  (value: the reason), reported by extendLocks, and a notification on the cancel channel.

  KEYS[1] completed   KEYS[2] failed   KEYS[3] active   KEYS[4] wait   KEYS[5] paused
  KEYS[6] prioritized KEYS[7] delayed  KEYS[8] waiting-children   KEYS[9] events   KEYS[10] meta
  ARGV[1] K   ARGV[2] job id   ARGV[3] reason   ARGV[4] now (ms)   ARGV[5] cancel channel
  Returns 0 no such job, 1 already finished, 2 cancelled, 3 signalled.
]]
--@include common
local K, id, reason, now = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local jobKey = K .. id
if redis.call("EXISTS", jobKey) == 0 then return 0 end
if redis.call("ZSCORE", KEYS[1], id) or redis.call("ZSCORE", KEYS[2], id) then return 1 end
if redis.call("LPOS", KEYS[3], id) then
  redis.call("SET", jobKey .. ":cancel", reason)
  redis.call("PUBLISH", ARGV[5], id)
  return 3
end
local prev
if redis.call("LREM", KEYS[4], -1, id) > 0 then prev = "waiting"
elseif redis.call("LREM", KEYS[5], -1, id) > 0 then prev = "waiting"
elseif redis.call("ZREM", KEYS[6], id) == 1 then prev = "prioritized"
elseif redis.call("ZREM", KEYS[7], id) == 1 then prev = "delayed"
elseif redis.call("ZREM", KEYS[8], id) == 1 then prev = "waiting-children"
else return 0 end
redis.call("ZADD", KEYS[2], now, id)
redis.call("HSET", jobKey, "failedReason", reason, "finishedOn", now)
local maxEvents = getMaxEvents(KEYS[10])
redis.call("XADD", KEYS[9], "*", "event", "failed", "jobId", id, "failedReason", reason, "prev", prev)
return 2
