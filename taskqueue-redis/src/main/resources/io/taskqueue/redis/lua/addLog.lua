--[[
  Appends a log line to a job (docs/protocol.md §5.13).

  KEYS[1] job hash   KEYS[2] job logs list
  ARGV[1] line   ARGV[2] lines to keep, or "" for all
  Returns the number of lines now stored, or -1 when the job does not exist.
]]
if redis.call("EXISTS", KEYS[1]) == 0 then return -1 end
local count = redis.call("RPUSH", KEYS[2], ARGV[1])
if ARGV[2] ~= "" then
  local keep = tonumber(ARGV[2])
  if keep == 0 then
    redis.call("DEL", KEYS[2])
    return 0
  end
  redis.call("LTRIM", KEYS[2], -keep, -1)
  return math.min(count, keep)
end
return count
