--[[
  Removes every waiting and prioritized job, and delayed ones when asked (docs/protocol.md §5.12).
  A scheduler's current job is kept. No events.

  KEYS[1] wait   KEYS[2] paused   KEYS[3] prioritized   KEYS[4] delayed   KEYS[5] pc   KEYS[6] repeat
  ARGV[1] K   ARGV[2] "1" to drain delayed jobs too   ARGV[3] now (ms)
  Returns the number of jobs removed.
]]
--@include common
--@include parents
local K, now = ARGV[1], tonumber(ARGV[3])
local count = 0
local function drainKey(key, isList)
  local ids
  if isList then ids = redis.call("LRANGE", key, 0, -1) else ids = redis.call("ZRANGE", key, 0, -1) end
  for _, id in ipairs(ids) do
    local jobKey = K .. id
    if not isCurrentSchedulerJob(jobKey, id, KEYS[6]) then
      if isList then redis.call("LREM", key, 1, id) else redis.call("ZREM", key, id) end
      detachFromParent(jobKey, now)
      removeDedupKey(K, jobKey, id)
      count = count + removeJobKeys(jobKey)
    end
  end
end
drainKey(KEYS[1], true)
drainKey(KEYS[2], true)
drainKey(KEYS[3], false)
if ARGV[2] == "1" then drainKey(KEYS[4], false) end
-- KEYS[5] (pc) is left alone, as BullMQ's drain leaves it (interop check 14 compares key sets)
return count
