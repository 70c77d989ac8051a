--[[
  Removes up to "limit" jobs of one state finished or created before a cutoff (docs/protocol.md §5.12).
  A scheduler's current job is never cleaned. Writes one "cleaned" event.

  KEYS[1] the state's list or sorted set   KEYS[2] events   KEYS[3] meta   KEYS[4] repeat
  ARGV[1] K   ARGV[2] state: completed | failed | wait | paused | active | delayed | prioritized |
  waiting-children   ARGV[3] cutoff (ms)   ARGV[4] limit (0: no limit)   ARGV[5] now (ms)
  Returns the removed ids.
]]
--@include common
--@include parents
local K, state, cutoff, limit = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local now = tonumber(ARGV[5])
local removed = {}
local function hardRemove(id)
  local jobKey = K .. id
  detachFromParent(jobKey, now)
  removeDedupKey(K, jobKey, id)
  removeJobKeys(jobKey)
  removed[#removed + 1] = id
end

if state == "completed" or state == "failed" then
  local args = {"ZRANGEBYSCORE", KEYS[1], 0, cutoff}
  if limit > 0 then args = {"ZRANGEBYSCORE", KEYS[1], 0, cutoff, "LIMIT", 0, limit} end
  for _, id in ipairs(redis.call(unpack(args))) do
    if not isCurrentSchedulerJob(K .. id, id, KEYS[4]) then
      hardRemove(id)
      redis.call("ZREM", KEYS[1], id)
    end
  end
else
  local isList = state == "wait" or state == "paused" or state == "active"
  local ids
  if isList then ids = redis.call("LRANGE", KEYS[1], 0, -1) else ids = redis.call("ZRANGE", KEYS[1], 0, -1) end
  for i = #ids, 1, -1 do
    if limit > 0 and #removed >= limit then break end
    local id = ids[i]
    local jobKey = K .. id
    local t = redis.call("HMGET", jobKey, "finishedOn", "processedOn", "timestamp")
    local when
    if state == "prioritized" or state == "waiting-children" then when = t[3]
    elseif state == "delayed" then when = t[2] or t[3]
    else when = t[1] or t[2] or t[3] end
    local eligible = (not when) or tonumber(when) <= cutoff
    if eligible and state == "active" and redis.call("EXISTS", jobKey .. ":lock") == 1 then eligible = false end
    if eligible and not isCurrentSchedulerJob(jobKey, id, KEYS[4]) then
      if isList then redis.call("LREM", KEYS[1], -1, id) else redis.call("ZREM", KEYS[1], id) end
      hardRemove(id)
    end
  end
end
redis.call("XADD", KEYS[2], "*", "event", "cleaned", "count", #removed)
return removed
