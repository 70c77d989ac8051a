--[[
  Produces a scheduler's next job when its current job is fetched (docs/protocol.md §5.15,
  "producing the next iteration"). Java decides when the next run is (SchedulerSpec.nextRun, from
  the producer's slot, its count and the stored phase) and calls this script only when there is
  one. Only the current job may produce: a retried, re-fetched or stale producer finds the
  scheduler already moved on and does nothing, which is what keeps several workers from producing
  a slot twice; the check is here, atomic with the write.

  KEYS[1] repeat   KEYS[2] delayed   KEYS[3] wait     KEYS[4] prioritized   KEYS[5] pc
  KEYS[6] events   KEYS[7] marker    KEYS[8] meta     KEYS[9] id            KEYS[10] active
  ARGV[1] K   ARGV[2] scheduler id   ARGV[3] producer job id   ARGV[4] next run (ms)   ARGV[5] now (ms)
  ARGV[6] the phase (ms) of an "every" schedule, stored when the hash has none; "" for cron
  Returns the new job id, or "" when nothing was produced.
]]
--@include common
--@include scheduler
local K, sid, producerId, nextMillis, now = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
local q = {rep = KEYS[1], delayed = KEYS[2], wait = KEYS[3], prioritized = KEYS[4], pc = KEYS[5],
  events = KEYS[6], marker = KEYS[7], meta = KEYS[8], id = KEYS[9], active = KEYS[10]}
local schedulerKey = K .. "repeat:" .. sid
local score = redis.call("ZSCORE", q.rep, sid)
if not score then return "" end
if producerId ~= "repeat:" .. sid .. ":" .. millisText(tonumber(score)) then return "" end
local h = redis.call("HMGET", schedulerKey, "name", "data", "every", "offset", "ic")
if not h[5] then return "" end

local ok, opts = pcall(cjson.decode, redis.call("HGET", K .. producerId, "opts") or "{}")
if not ok or type(opts) ~= "table" then opts = {} end
if type(opts["repeat"]) ~= "table" then opts["repeat"] = {} end
local count = (tonumber(opts["repeat"]["count"]) or 0) + 1

local nextId = "repeat:" .. sid .. ":" .. millisText(nextMillis)
local maxEvents = getMaxEvents(q.meta)
if redis.call("EXISTS", K .. nextId) == 1 then
  redis.call("XADD", q.events, "MAXLEN", "~", maxEvents, "*", "event", "duplicated", "jobId", nextId)
  return ""
end
if h[3] and not h[4] and ARGV[6] ~= "" then redis.call("HSET", schedulerKey, "offset", ARGV[6]) end
redis.call("ZADD", q.rep, nextMillis, sid)
redis.call("HINCRBY", schedulerKey, "ic", 1)
redis.call("INCR", q.id)
opts["repeat"]["count"] = count
local id = storeSchedulerJob(K, q, sid, nextMillis, h[1], h[2] or "{}", opts, now, maxEvents)
return id
