--[[
  Pauses or resumes a queue (docs/protocol.md §5.8). Jobs stay in wait; resume also migrates a legacy
  "paused" list.

  KEYS[1] meta   KEYS[2] marker   KEYS[3] events   KEYS[4] wait   KEYS[5] paused
  KEYS[6] prioritized   KEYS[7] delayed
  ARGV[1] "pause" or "resume"
  Returns 0.
]]
--@include common
if ARGV[1] == "pause" then
  redis.call("HSET", KEYS[1], "paused", 1)
  redis.call("DEL", KEYS[2])
  redis.call("XADD", KEYS[3], "*", "event", "paused")
  return 0
end
redis.call("HDEL", KEYS[1], "paused")
if redis.call("EXISTS", KEYS[5]) == 1 then
  if redis.call("EXISTS", KEYS[4]) == 0 then
    redis.call("RENAME", KEYS[5], KEYS[4])
  else
    while redis.call("LLEN", KEYS[5]) > 0 do
      local batch = redis.call("LRANGE", KEYS[5], 0, 6999)
      redis.call("RPUSH", KEYS[4], unpack(batch))
      redis.call("LTRIM", KEYS[5], #batch, -1)
    end
  end
end
if redis.call("LLEN", KEYS[4]) + redis.call("ZCARD", KEYS[6]) > 0 then
  redis.call("ZADD", KEYS[2], 0, "0")
else
  addDelayMarker(KEYS[7], KEYS[2])
end
redis.call("XADD", KEYS[3], "*", "event", "resumed")
return 0
