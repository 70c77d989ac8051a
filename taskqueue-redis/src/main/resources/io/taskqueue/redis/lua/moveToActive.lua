--[[
  Fetches the next job (docs/protocol.md §5.2): promotes due delayed jobs, honours the global rate limit
  and concurrency, moves the next id to active, locks it and writes the "active" event.

  KEYS[1] wait     KEYS[2] active   KEYS[3] prioritized   KEYS[4] events   KEYS[5] limiter
  KEYS[6] delayed  KEYS[7] meta     KEYS[8] pc            KEYS[9] marker
  ARGV[1] K   ARGV[2] lock token ("0": no lock)   ARGV[3] lock duration (ms)
  ARGV[4] now (ms)   ARGV[5] worker name, or ""
  ARGV[6] worker limiter max, or ""   ARGV[7] worker limiter duration (ms), or ""
  Returns {jobHashFlat | 0, jobId | 0, rateLimitTtlMs, nextDelayedDueMs}.
]]
--@include common
--@include promoteDelayed
--@include groups
--@include fetchJob
local q = {wait = KEYS[1], active = KEYS[2], prioritized = KEYS[3], events = KEYS[4], limiter = KEYS[5],
  delayed = KEYS[6], meta = KEYS[7], pc = KEYS[8], marker = KEYS[9]}
return fetchNextJob(q, ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5], ARGV[6], ARGV[7])
