--[[
  Changes a job's priority, re-ordering it when it is ready to run (docs/protocol.md §5.10). No event.

  KEYS[1] wait   KEYS[2] prioritized   KEYS[3] pc   KEYS[4] meta   KEYS[5] active   KEYS[6] marker
  ARGV[1] K   ARGV[2] job id   ARGV[3] priority   ARGV[4] "1" for lifo
  Returns 0, or -1 when the job does not exist.
]]
--@include common
local K, id, priority, lifo = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4] == "1"
local jobKey = K .. id
if redis.call("EXISTS", jobKey) == 0 then return -1 end
if redis.call("ZREM", KEYS[2], id) == 1 or redis.call("LREM", KEYS[1], -1, id) > 0 then
  local pausedOrMaxed = isPausedOrMaxed(KEYS[4], KEYS[5])
  if priority == 0 then
    enqueueReady(KEYS[1], KEYS[2], KEYS[3], KEYS[6], id, 0, lifo, pausedOrMaxed)
  elseif lifo then
    redis.call("ZADD", KEYS[2], priority * 0x100000000, id)
  else
    enqueueReady(KEYS[1], KEYS[2], KEYS[3], KEYS[6], id, priority, false, pausedOrMaxed)
  end
end
redis.call("HSET", jobKey, "priority", priority)
return 0
