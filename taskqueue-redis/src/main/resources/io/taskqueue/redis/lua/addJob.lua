--[[
  Adds one job: standard (FIFO/LIFO), delayed, prioritized, with an automatic or custom id
  (docs/protocol.md §5.1; flows are not produced here), deduplicated when opts has "de" (§5.14).

  KEYS[1] wait         KEYS[2] meta          KEYS[3] id          KEYS[4] delayed
  KEYS[5] prioritized  KEYS[6] pc            KEYS[7] events      KEYS[8] marker
  KEYS[9] active
  ARGV[1] K, the queue key prefix "P:Q:"
  ARGV[2] custom job id, or "" for an automatic one
  ARGV[3] name   ARGV[4] data JSON   ARGV[5] opts JSON
  ARGV[6] timestamp (ms)   ARGV[7] delay (ms, 0 for none)   ARGV[8] priority (0 for none)
  ARGV[9] "1" for LIFO
  Returns the job id: the new one, the existing one when the custom id is taken, or the job that
  owns the deduplication id.
]]
--@include common
--@include dedup
--@include groups
local K = ARGV[1]
local counter = redis.call("INCR", KEYS[3])
local maxEvents = getMaxEvents(KEYS[2])
local id = ARGV[2]
if id == "" then id = tostring(counter) end
local jobKey = K .. id
if redis.call("EXISTS", jobKey) == 1 then
  redis.call("XADD", KEYS[7], "MAXLEN", "~", maxEvents, "*", "event", "duplicated", "jobId", id)
  return id
end

local okOpts, opts = pcall(cjson.decode, ARGV[5])
local de = okOpts and type(opts) == "table" and type(opts["de"]) == "table" and opts["de"]["id"] and opts["de"] or nil
if de then
  local owner = deduplicate(K, {delayed = KEYS[4], events = KEYS[7], active = KEYS[9]}, maxEvents, de, id,
    ARGV[3], ARGV[4], ARGV[5])
  if owner then return owner end
end

local timestamp = tonumber(ARGV[6])
local delay = tonumber(ARGV[7])
local priority = tonumber(ARGV[8])
redis.call("HSET", jobKey, "name", ARGV[3], "data", ARGV[4], "opts", ARGV[5],
  "timestamp", ARGV[6], "delay", ARGV[7], "priority", ARGV[8])
if de then redis.call("HSET", jobKey, "deid", de["id"]) end
local group = okOpts and groupTag(jobKey, opts) or nil
redis.call("XADD", KEYS[7], "*", "event", "added", "jobId", id, "name", ARGV[3])

if delay > 0 then
  local due = timestamp + delay
  redis.call("ZADD", KEYS[4], delayedScore(KEYS[4], due), id)
  redis.call("XADD", KEYS[7], "MAXLEN", "~", maxEvents, "*", "event", "delayed", "jobId", id, "delay", due)
  addDelayMarker(KEYS[4], KEYS[8])
elseif group then
  groupParkNew(K, KEYS[4], KEYS[7], KEYS[8], KEYS[2], KEYS[9], group, id)
else
  local pausedOrMaxed = isPausedOrMaxed(KEYS[2], KEYS[9])
  enqueueReady(KEYS[1], KEYS[5], KEYS[6], KEYS[8], id, priority, ARGV[9] == "1", pausedOrMaxed)
  redis.call("XADD", KEYS[7], "MAXLEN", "~", maxEvents, "*", "event", "waiting", "jobId", id)
end
return id
