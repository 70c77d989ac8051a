--[[
  After an obliterate: deletes the keys of every group in the ring or named in the limits, then
  the ring and the limits.
  KEYS[1] tq:groups   KEYS[2] tq:group-limits
  ARGV[1] K
  Returns the number of groups visited.
]]
local K = ARGV[1]
local groups = {}
for _, g in ipairs(redis.call("LRANGE", KEYS[1], 0, -1)) do groups[g] = true end
for _, f in ipairs(redis.call("HKEYS", KEYS[2])) do
  local p = string.sub(f, 1, 2)
  if p == "c:" or p == "r:" then groups[string.sub(f, 3)] = true end
end
local n = 0
for g in pairs(groups) do
  local base = K .. "tq:g:" .. g .. ":"
  redis.call("DEL", base .. "wait", base .. "active", base .. "limiter", base .. "pend")
  n = n + 1
end
redis.call("DEL", KEYS[1], KEYS[2])
return n
