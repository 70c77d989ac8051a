--[[
  Creates or replaces a job scheduler and its current job (protocol 5.15, upsertJobScheduler).
  A replaced scheduler's pending job (delayed, prioritized or waiting) is deleted; an unchanged
  "every" keeps its slot, so re-upserting from several processes does not add iterations.

  KEYS[1] repeat   KEYS[2] delayed   KEYS[3] wait     KEYS[4] prioritized   KEYS[5] pc
  KEYS[6] events   KEYS[7] marker    KEYS[8] meta     KEYS[9] id            KEYS[10] active
  ARGV[1] K   ARGV[2] scheduler id   ARGV[3] next millis of a cron schedule ("" for every)
  ARGV[4] now (ms)   ARGV[5] job name   ARGV[6] data JSON   ARGV[7] template opts JSON
  ARGV[8] every (ms) or ""   ARGV[9] pattern or ""   ARGV[10] tz or ""   ARGV[11] limit or ""
  ARGV[12] startDate (ms) or ""   ARGV[13] endDate (ms) or ""   ARGV[14] offset (ms) or ""
  Returns {jobId, delay}, or {-10} (a cron slot already taken), {-11} (32 "every" slots taken).
]]
--@include common
--@include scheduler
local K, sid, now = ARGV[1], ARGV[2], tonumber(ARGV[4])
local q = {rep = KEYS[1], delayed = KEYS[2], wait = KEYS[3], prioritized = KEYS[4], pc = KEYS[5],
  events = KEYS[6], marker = KEYS[7], meta = KEYS[8], id = KEYS[9], active = KEYS[10]}
local schedulerKey = K .. "repeat:" .. sid
local every = tonumber(ARGV[8])
local givenOffset = tonumber(ARGV[14])
local startDate = tonumber(ARGV[12])
local old = redis.call("HMGET", schedulerKey, "every", "offset", "ic")
local prevScore = redis.call("ZSCORE", q.rep, sid)

-- the pending job of the previous definition goes away
local replaced = false
if prevScore then
  local currentId = "repeat:" .. sid .. ":" .. millisText(tonumber(prevScore))
  if redis.call("ZREM", q.delayed, currentId) == 1 or redis.call("ZREM", q.prioritized, currentId) == 1
      or redis.call("LREM", q.wait, 0, currentId) > 0 then
    removeJobKeys(K .. currentId)
    replaced = true
  end
end

local millis, offset
if every then
  local sameEvery = tonumber(old[1]) == every
  if sameEvery and not givenOffset and old[2] then givenOffset = tonumber(old[2]) end
  if sameEvery and replaced then
    millis, offset = tonumber(prevScore), givenOffset
    if not offset then offset = millis - math.floor(millis / every) * every end
  else
    millis, offset = everyNextMillis(nil, every, now, givenOffset, startDate)
  end
  local free = false
  for _ = 1, 32 do
    if redis.call("EXISTS", schedulerKey .. ":" .. millisText(millis)) == 0 then free = true; break end
    millis = millis + every
  end
  if not free then return {-11} end
else
  millis = math.max(tonumber(ARGV[3]), now)
  if redis.call("EXISTS", schedulerKey .. ":" .. millisText(millis)) == 1 then return {-10} end
end

redis.call("DEL", schedulerKey)
local fields = {"name", ARGV[5], "ic", old[3] or 1}
if every then
  table.insert(fields, "every"); table.insert(fields, every)
  table.insert(fields, "offset"); table.insert(fields, offset)
else
  table.insert(fields, "pattern"); table.insert(fields, ARGV[9])
  if ARGV[10] ~= "" then table.insert(fields, "tz"); table.insert(fields, ARGV[10]) end
end
if ARGV[11] ~= "" then table.insert(fields, "limit"); table.insert(fields, ARGV[11]) end
if ARGV[12] ~= "" then table.insert(fields, "startDate"); table.insert(fields, ARGV[12]) end
if ARGV[13] ~= "" then table.insert(fields, "endDate"); table.insert(fields, ARGV[13]) end
if ARGV[7] ~= "{}" then table.insert(fields, "opts"); table.insert(fields, ARGV[7]) end
if ARGV[6] ~= "{}" then table.insert(fields, "data"); table.insert(fields, ARGV[6]) end
redis.call("HSET", schedulerKey, unpack(fields))
redis.call("ZADD", q.rep, millis, sid)
redis.call("INCR", q.id)

local opts = cjson.decode(ARGV[7])
opts["repeat"] = repeatOptsFromHash(schedulerKey, 1)
local id, delay = storeSchedulerJob(K, q, sid, millis, ARGV[5], ARGV[6], opts, now, getMaxEvents(q.meta))
return {id, delay}
