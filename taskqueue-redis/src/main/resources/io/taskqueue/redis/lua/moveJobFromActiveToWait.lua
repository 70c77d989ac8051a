--[[
  Hands an active job back to the front of its queue without spending an attempt (docs/protocol.md §5.7);
  used by a closing worker. The lock is released.

  KEYS[1] wait   KEYS[2] active   KEYS[3] prioritized   KEYS[4] events   KEYS[5] meta
  KEYS[6] limiter   KEYS[7] marker   KEYS[8] stalled
  ARGV[1] K   ARGV[2] job id   ARGV[3] lock token
  Returns the limiter's PTTL (0 when none), or -1 (no job), -2/-6 (lock).
]]
--@include common
local K, id = ARGV[1], ARGV[2]
local jobKey = K .. id
if redis.call("EXISTS", jobKey) == 0 then return -1 end
local rc = checkAndReleaseLock(jobKey, id, ARGV[3], KEYS[8])
if rc < 0 then return rc end
if redis.call("LREM", KEYS[2], 1, id) > 0 then
  local maxEvents = getMaxEvents(KEYS[5])
  local priority = tonumber(redis.call("HGET", jobKey, "priority")) or 0
  if priority > 0 then
    redis.call("ZADD", KEYS[3], priority * 0x100000000, id)
  else
    redis.call("RPUSH", KEYS[1], id)
  end
  addBaseMarker(KEYS[7], isPausedOrMaxed(KEYS[5], KEYS[2]))
  redis.call("XADD", KEYS[4], "MAXLEN", "~", maxEvents, "*", "event", "waiting", "jobId", id, "prev", "active")
end
local pttl = redis.call("PTTL", KEYS[6])
if pttl > 0 then return pttl end
return 0
