--[[
  Moves a delayed job to wait (or its priority class) now (docs/protocol.md §5.10).

  KEYS[1] delayed   KEYS[2] wait   KEYS[3] prioritized   KEYS[4] pc   KEYS[5] meta
  KEYS[6] active    KEYS[7] events KEYS[8] marker
  ARGV[1] K   ARGV[2] job id
  Returns 0, or -3 when the job is not delayed.
]]
--@include common
local K, id = ARGV[1], ARGV[2]
local jobKey = K .. id
if redis.call("ZREM", KEYS[1], id) == 0 then return -3 end
local head = redis.call("LINDEX", KEYS[2], 0)
if head and string.sub(head, 1, 2) == "0:" then redis.call("LPOP", KEYS[2]) end
local priority = tonumber(redis.call("HGET", jobKey, "priority")) or 0
enqueueReady(KEYS[2], KEYS[3], KEYS[4], KEYS[8], id, priority, false, isPausedOrMaxed(KEYS[5], KEYS[6]))
redis.call("XADD", KEYS[7], "*", "event", "waiting", "jobId", id, "prev", "delayed")
redis.call("HSET", jobKey, "delay", 0)
return 0
