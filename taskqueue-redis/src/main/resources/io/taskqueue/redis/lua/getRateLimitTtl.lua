--[[
  How long the queue stays rate limited (docs/protocol.md §5.13 getRateLimitTtl).

  KEYS[1] limiter   KEYS[2] meta
  ARGV[1] maxJobs, or "" to use the meta field "max"
  Returns the ms left (0 when not limited). With no maximum known at all, the limiter's own
  PTTL (a manual rate limit), or 0.
]]
local maxJobs = tonumber(ARGV[1]) or tonumber(redis.call("HGET", KEYS[2], "max"))
if maxJobs then
  local used = tonumber(redis.call("GET", KEYS[1]) or 0)
  if used >= maxJobs then
    local pttl = redis.call("PTTL", KEYS[1])
    if pttl == 0 then redis.call("DEL", KEYS[1]) end
    if pttl > 0 then return pttl end
  end
  return 0
end
local pttl = redis.call("PTTL", KEYS[1])
if pttl > 0 then return pttl end
return 0
