--[[
  Reads a range of jobs in one state with their hashes (docs/protocol.md §5.13, getJobs).

  KEYS[1] the state's list or sorted set
  ARGV[1] K   ARGV[2] "list" or "zset"   ARGV[3] start   ARGV[4] end (inclusive, -1 = last)
  ARGV[5] "1" for ascending (oldest first on lists, lowest score first on sorted sets)
  Returns a flat array {id, jobHashFlat, id, jobHashFlat, ...}, skipping ids without a hash.
]]
local K, start, stop, asc = ARGV[1], tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5] == "1"
local ids
if ARGV[2] == "list" then
  if asc then
    -- "0 - x", not "-x": Lua's -0 would be sent as "-0", which Redis rejects
    local raw = redis.call("LRANGE", KEYS[1], 0 - (stop + 1), 0 - (start + 1))
    ids = {}
    for i = #raw, 1, -1 do ids[#ids + 1] = raw[i] end
  else
    ids = redis.call("LRANGE", KEYS[1], start, stop)
  end
elseif asc then
  ids = redis.call("ZRANGE", KEYS[1], start, stop)
else
  ids = redis.call("ZREVRANGE", KEYS[1], start, stop)
end
local out = {}
for _, id in ipairs(ids) do
  if string.sub(id, 1, 2) ~= "0:" then
    local h = redis.call("HGETALL", K .. id)
    if #h > 0 then
      out[#out + 1] = id
      out[#out + 1] = h
    end
  end
end
return out
