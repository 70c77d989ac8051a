--[[
  Stores a job's progress and writes the "progress" event (docs/protocol.md §5.13).

  KEYS[1] job hash   KEYS[2] meta   KEYS[3] events
  ARGV[1] job id   ARGV[2] progress JSON
  Returns 0, or -1 when the job does not exist.
]]
--@include common
if redis.call("EXISTS", KEYS[1]) == 0 then return -1 end
local maxEvents = getMaxEvents(KEYS[2])
redis.call("HSET", KEYS[1], "progress", ARGV[2])
redis.call("XADD", KEYS[3], "MAXLEN", "~", maxEvents, "*", "event", "progress", "jobId", ARGV[1], "data", ARGV[2])
return 0
