--[[
  Moves up to 1000 due delayed jobs to wait or prioritized (docs/protocol.md §5.2 step 2).
  Needs: common.
]]
local function promoteDelayedJobs(K, delayedKey, waitKey, prioritizedKey, pcKey, eventsKey, markerKey, now, pausedOrMaxed)
  local ids = redis.call("ZRANGEBYSCORE", delayedKey, 0, (now + 1) * 0x1000 - 1, "LIMIT", 0, 1000)
  if #ids == 0 then return end
  redis.call("ZREM", delayedKey, unpack(ids))
  for _, id in ipairs(ids) do
    local jobKey = K .. id
    local priority = tonumber(redis.call("HGET", jobKey, "priority")) or 0
    if priority == 0 then
      redis.call("LPUSH", waitKey, id)
    else
      addToPrioritized(prioritizedKey, pcKey, id, priority)
    end
    redis.call("XADD", eventsKey, "*", "event", "waiting", "jobId", id, "prev", "delayed")
    redis.call("HSET", jobKey, "delay", 0)
  end
  addBaseMarker(markerKey, pausedOrMaxed)
end
