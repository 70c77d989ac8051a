--[[
  Re-schedules a delayed job "delay" ms after now (docs/protocol.md §5.10).

  KEYS[1] delayed   KEYS[2] meta   KEYS[3] events   KEYS[4] marker
  ARGV[1] K   ARGV[2] job id   ARGV[3] delay (ms)   ARGV[4] now (ms)
  Returns 0, or -1 (no job), -3 (not delayed).
]]
--@include common
local K, id = ARGV[1], ARGV[2]
local jobKey = K .. id
if redis.call("EXISTS", jobKey) == 0 then return -1 end
local due = tonumber(ARGV[4]) + tonumber(ARGV[3])
if redis.call("ZREM", KEYS[1], id) == 0 then return -3 end
local score = delayedScore(KEYS[1], due)
redis.call("HSET", jobKey, "delay", ARGV[3])
redis.call("ZADD", KEYS[1], score, id)
local maxEvents = getMaxEvents(KEYS[2])
redis.call("XADD", KEYS[3], "MAXLEN", "~", maxEvents, "*", "event", "delayed", "jobId", id, "delay", due)
addDelayMarker(KEYS[1], KEYS[4])
return 0
