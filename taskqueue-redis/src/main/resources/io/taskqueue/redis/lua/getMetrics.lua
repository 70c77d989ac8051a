--[[
  Reads one kind of per-minute metrics (docs/protocol.md §5.17) in one consistent snapshot.

  KEYS[1] metrics:<type>   KEYS[2] metrics:<type>:data
  ARGV[1] start index   ARGV[2] end index (inclusive, LRANGE semantics)
  Returns {{count, prevTS, prevCount} (each false when missing), {points...}, total points}.
]]
local meta = redis.call("HMGET", KEYS[1], "count", "prevTS", "prevCount")
local data = redis.call("LRANGE", KEYS[2], tonumber(ARGV[1]), tonumber(ARGV[2]))
return {meta, data, redis.call("LLEN", KEYS[2])}
