--[[
  The stall check (docs/protocol.md §5.9), run at most once per interval across all workers: requeues
  active jobs that lost their lock since the previous check, marking those past the stall limit
  with a deferred failure ("defa"), then records the current active jobs as candidates.

  KEYS[1] stalled   KEYS[2] wait   KEYS[3] active   KEYS[4] stalled-check   KEYS[5] meta
  KEYS[6] events    KEYS[7] marker KEYS[8] repeat
  ARGV[1] K   ARGV[2] maxStalledCount   ARGV[3] now (ms)   ARGV[4] stalled interval (ms)
  Returns the ids moved back to wait.
]]
--@include common
local K = ARGV[1]
if redis.call("EXISTS", KEYS[4]) == 1 then return {} end
redis.call("SET", KEYS[4], ARGV[3], "PX", ARGV[4])
local maxEvents = getMaxEvents(KEYS[5])
redis.call("XTRIM", KEYS[6], "MAXLEN", "~", maxEvents)
local maxStalled = tonumber(ARGV[2])
local recovered = {}
local candidates = redis.call("SMEMBERS", KEYS[1])
redis.call("DEL", KEYS[1])
for _, id in ipairs(candidates) do
  if string.sub(id, 1, 2) == "0:" then
    redis.call("LREM", KEYS[3], 1, id)
  else
    local jobKey = K .. id
    if redis.call("EXISTS", jobKey .. ":lock") == 0 and redis.call("LREM", KEYS[3], 1, id) > 0 then
      local stc = redis.call("HINCRBY", jobKey, "stc", 1)
      if stc > maxStalled and not isSchedulerJob(K, jobKey, KEYS[8]) then
        redis.call("HSET", jobKey, "defa", "job stalled more than allowable limit")
      end
      redis.call("RPUSH", KEYS[2], id)
      addBaseMarker(KEYS[7], isPausedOrMaxed(KEYS[5], KEYS[3]))
      redis.call("XADD", KEYS[6], "*", "event", "waiting", "jobId", id, "prev", "active")
      redis.call("XADD", KEYS[6], "*", "event", "stalled", "jobId", id)
      recovered[#recovered + 1] = id
    end
  end
end
local active = redis.call("LRANGE", KEYS[3], 0, -1)
for i = 1, #active, 7000 do
  redis.call("SADD", KEYS[1], unpack(active, i, math.min(i + 6999, #active)))
end
return recovered
