--[[
  How many jobs are parked in one group (ids still parked, each once).
  KEYS[1] tq:g:<group>:wait   KEYS[2] delayed
  Returns the count.
]]
local ids = redis.call("LRANGE", KEYS[1], 0, -1)
local seen, n = {}, 0
for _, id in ipairs(ids) do
  if not seen[id] and tonumber(redis.call("ZSCORE", KEYS[2], id) or 0) >= 36028797018963968 then
    seen[id] = true
    n = n + 1
  end
end
return n
