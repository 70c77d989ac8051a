--[[
  Counts jobs in several states at once (docs/protocol.md §5.13, getCounts).

  KEYS[i] a state's list or sorted set
  ARGV[i] "list" or "zset" for KEYS[i]
  Returns one count per key; legacy "0:" markers at the right of a list are dropped, not counted.
]]
local out = {}
for i, key in ipairs(KEYS) do
  if ARGV[i] == "list" then
    local last = redis.call("LINDEX", key, -1)
    if last and string.sub(last, 1, 2) == "0:" then redis.call("RPOP", key) end
    out[i] = redis.call("LLEN", key)
  else
    out[i] = redis.call("ZCARD", key)
  end
end
return out
