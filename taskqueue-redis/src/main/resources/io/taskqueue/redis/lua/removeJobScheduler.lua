--[[
  Removes a job scheduler (docs/protocol.md §5.15): its delayed current job, its entry in "repeat" and its
  hash. A current job already waiting or running is left to finish.

  KEYS[1] repeat   KEYS[2] delayed   KEYS[3] events
  ARGV[1] K   ARGV[2] scheduler id
  Returns 0 when the scheduler existed, 1 when it did not.
]]
--@include common
local K, sid = ARGV[1], ARGV[2]
local score = redis.call("ZSCORE", KEYS[1], sid)
if score then
  local currentId = "repeat:" .. sid .. ":" .. string.format("%.0f", tonumber(score))
  if redis.call("ZREM", KEYS[2], currentId) == 1 then
    removeJobKeys(K .. currentId)
    redis.call("XADD", KEYS[3], "*", "event", "removed", "jobId", currentId, "prev", "delayed")
  end
end
local existed = redis.call("ZREM", KEYS[1], sid) == 1
redis.call("DEL", K .. "repeat:" .. sid)
if existed then return 0 end
return 1
