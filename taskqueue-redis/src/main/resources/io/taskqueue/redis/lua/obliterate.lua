--[[
  Deletes a paused queue with its jobs, up to "count" jobs per call (docs/protocol.md §5.12).

  KEYS[1] meta   KEYS[2] active   KEYS[3] delayed   KEYS[4] repeat   KEYS[5] completed
  KEYS[6] wait   KEYS[7] paused   KEYS[8] prioritized   KEYS[9] failed
  KEYS[10..] deleted at the end: events, delay, stalled-check, stalled, id, pc, marker, meta,
  metrics:completed, metrics:completed:data, metrics:failed, metrics:failed:data
  ARGV[1] K   ARGV[2] count per call   ARGV[3] "1" to force (active jobs too)
  Returns 0 when done, 1 while jobs remain, -1 when not paused, -2 when jobs are active and not forced.
]]
--@include common
local K, budget = ARGV[1], tonumber(ARGV[2])
if redis.call("HEXISTS", KEYS[1], "paused") == 0 then return -1 end
if ARGV[3] ~= "1" and redis.call("LLEN", KEYS[2]) > 0 then return -2 end

local function wipe(key, isList, withLock)
  if budget <= 0 then return end
  local ids
  if isList then ids = redis.call("LRANGE", key, 0, budget - 1) else ids = redis.call("ZRANGE", key, 0, budget - 1) end
  for _, id in ipairs(ids) do
    local jobKey = K .. id
    removeDedupKey(K, jobKey, id)
    removeJobKeys(jobKey)
    if withLock then redis.call("DEL", jobKey .. ":lock") end
  end
  if #ids > 0 then
    if isList then redis.call("LTRIM", key, #ids, -1) else redis.call("ZREMRANGEBYRANK", key, 0, #ids - 1) end
  end
  budget = budget - #ids
end

wipe(KEYS[2], true, true)
wipe(KEYS[3], false, false)
if budget > 0 then
  local sids = redis.call("ZRANGE", KEYS[4], 0, -1)
  for _, sid in ipairs(sids) do redis.call("DEL", K .. "repeat:" .. sid) end
  redis.call("DEL", KEYS[4])
end
wipe(KEYS[5], false, false)
wipe(KEYS[6], true, false)
wipe(KEYS[7], true, false)
wipe(KEYS[8], false, false)
wipe(KEYS[9], false, false)
if budget <= 0 then return 1 end
for i = 10, #KEYS do redis.call("DEL", KEYS[i]) end
return 0
