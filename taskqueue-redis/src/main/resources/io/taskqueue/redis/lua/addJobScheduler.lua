--[[
  Creates or replaces a job scheduler and its current job (docs/protocol.md §5.15,
  upsertJobScheduler). The run time and the phase come from Java (SchedulerSpec.firstRun and
  phase); this script only applies the storage rules:
  * a replaced scheduler's pending job (delayed, prioritized or waiting) is deleted;
  * an unchanged "every" whose pending job was replaced keeps that job's slot (and ARGV[5] as its
    phase), so re-upserting from several processes does not add iterations;
  * when the iteration id of the slot is taken, an "every" schedule tries up to 32 later slots; a
    cron schedule fails.

  KEYS[1] repeat   KEYS[2] delayed   KEYS[3] wait     KEYS[4] prioritized   KEYS[5] pc
  KEYS[6] events   KEYS[7] marker    KEYS[8] meta     KEYS[9] id            KEYS[10] active
  ARGV[1] K   ARGV[2] scheduler id   ARGV[3] first run (ms)
  ARGV[4] phase of an "every" schedule from its first run (ms), "" for cron
  ARGV[5] phase when the replaced job's slot is kept (ms), "" for cron
  ARGV[6] now (ms)   ARGV[7] job name   ARGV[8] data JSON   ARGV[9] template opts JSON
  ARGV[10] every (ms) or ""   ARGV[11] pattern or ""   ARGV[12] tz or ""   ARGV[13] limit or ""
  ARGV[14] startDate (ms) or ""   ARGV[15] endDate (ms) or ""
  Returns {jobId, delay}, or {-10} (a cron slot already taken), {-11} (32 "every" slots taken).
]]
--@include common
--@include scheduler
local K, sid, now = ARGV[1], ARGV[2], tonumber(ARGV[6])
local q = {rep = KEYS[1], delayed = KEYS[2], wait = KEYS[3], prioritized = KEYS[4], pc = KEYS[5],
  events = KEYS[6], marker = KEYS[7], meta = KEYS[8], id = KEYS[9], active = KEYS[10]}
local schedulerKey = K .. "repeat:" .. sid
local every = tonumber(ARGV[10])
local old = redis.call("HMGET", schedulerKey, "every", "ic")
local prevScore = redis.call("ZSCORE", q.rep, sid)

-- the pending job of the previous definition goes away
local replaced = false
if prevScore then
  local currentId = "repeat:" .. sid .. ":" .. millisText(tonumber(prevScore))
  if redis.call("ZREM", q.delayed, currentId) == 1 or redis.call("ZREM", q.prioritized, currentId) == 1
      or redis.call("LREM", q.wait, -1, currentId) > 0 then
    removeJobKeys(K .. currentId)
    replaced = true
  end
end

local millis, offset
if every then
  if tonumber(old[1]) == every and replaced then
    millis, offset = tonumber(prevScore), tonumber(ARGV[5])
  else
    millis, offset = tonumber(ARGV[3]), tonumber(ARGV[4])
  end
  local free = false
  for _ = 1, 32 do
    if redis.call("EXISTS", schedulerKey .. ":" .. millisText(millis)) == 0 then free = true; break end
    millis = millis + every
  end
  if not free then return {-11} end
else
  millis = tonumber(ARGV[3])
  if redis.call("EXISTS", schedulerKey .. ":" .. millisText(millis)) == 1 then return {-10} end
end

redis.call("DEL", schedulerKey)
local fields = {"name", ARGV[7], "ic", old[2] or 1}
if every then
  table.insert(fields, "every"); table.insert(fields, every)
  table.insert(fields, "offset"); table.insert(fields, offset)
else
  table.insert(fields, "pattern"); table.insert(fields, ARGV[11])
  if ARGV[12] ~= "" then table.insert(fields, "tz"); table.insert(fields, ARGV[12]) end
end
if ARGV[13] ~= "" then table.insert(fields, "limit"); table.insert(fields, ARGV[13]) end
if ARGV[14] ~= "" then table.insert(fields, "startDate"); table.insert(fields, ARGV[14]) end
if ARGV[15] ~= "" then table.insert(fields, "endDate"); table.insert(fields, ARGV[15]) end
if ARGV[9] ~= "{}" then table.insert(fields, "opts"); table.insert(fields, ARGV[9]) end
if ARGV[8] ~= "{}" then table.insert(fields, "data"); table.insert(fields, ARGV[8]) end
redis.call("HSET", schedulerKey, unpack(fields))
redis.call("ZADD", q.rep, millis, sid)
redis.call("INCR", q.id)

local opts = cjson.decode(ARGV[9])
opts["repeat"] = repeatOptsFromHash(schedulerKey, 1)
local id, delay = storeSchedulerJob(K, q, sid, millis, ARGV[7], ARGV[8], opts, now, getMaxEvents(q.meta))
return {id, delay}
