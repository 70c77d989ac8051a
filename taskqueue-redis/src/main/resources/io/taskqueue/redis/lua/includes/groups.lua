--[[
  Job groups (a taskqueue extension; BullMQ keeps groups in its Pro tier). A job whose opts carry
  "tqGroup" has the hash field "tqg". Keys, all under the queue prefix K (Keys.java builds the same):
    tq:groups              list, the ring of groups with parked jobs (each once; rotated by fetches)
    tq:group-limits        hash: "c:<g>" concurrency, "r:<g>" "<max>:<ms>", defaults "dc" and "dr"
    tq:g:<g>:wait          list, the group's parked ids; new ones LPUSHed, the head on the right
    tq:g:<g>:active        set, the ids holding one of the group's concurrency slots
    tq:g:<g>:limiter       counter of starts, expiring with the window opened by the first start
    tq:g:<g>:pend          the id released to wait and not started yet (at most one per group)
  A parked job also sits in "delayed" with the never-due score GROUP_PARKED_SCORE, so that BullMQ
  readers see it in a valid state ("delayed") and BullMQ workers never run it.
  - Park: to the back of the group (new jobs) or its front (a job that was released or has run).
  - Release (fetch, before the pop): visit up to GROUP_SCAN groups round-robin; for each without a
    pending release and below its limits, move its head into the back of wait (or prioritized),
    exactly as a delayed promotion does, mark it "tqr" = its "ats", and remember it in :pend.
  - Admit (fetch, after the pop): a grouped job starts only within its group's concurrency and
    rate; otherwise it is parked again. A job that never went through its group (a due delay, a
    manual promote) is parked at the back instead. A started job keeps its slot until it finishes,
    through retries, stalls and hand-backs, so a concurrency-1 group keeps its order.
  - Finish: the slot is freed. Slots of jobs that ended otherwise (removed) are reclaimed lazily.
  Needs: common.
]]
local GROUP_PARKED_DUE = 8796093022208          -- 2^43 ms, in the year 2248
local GROUP_PARKED_SCORE = 36028797018963968    -- GROUP_PARKED_DUE * 4096 = 2^55
local GROUP_SCAN = 100
local GROUP_RESCAN_MS = 100

local function groupKey(K, g, suffix)
  return K .. "tq:g:" .. g .. ":" .. suffix
end

-- The limits of group g: concurrency, max, duration (each nil when not set).
local function groupLimits(K, g)
  local v = redis.call("HMGET", K .. "tq:group-limits", "c:" .. g, "r:" .. g, "dc", "dr")
  local c = tonumber(v[1] or v[3])
  local r = v[2] or v[4]
  if not r then return c, nil, nil end
  local sep = string.find(r, ":", 1, true)
  return c, tonumber(string.sub(r, 1, sep - 1)), tonumber(string.sub(r, sep + 1))
end

local function groupPark(K, delayedKey, eventsKey, g, id, front)
  redis.call("ZADD", delayedKey, GROUP_PARKED_SCORE, id)
  local gw = groupKey(K, g, "wait")
  local n
  if front then n = redis.call("RPUSH", gw, id) else n = redis.call("LPUSH", gw, id) end
  if n == 1 then redis.call("LPUSH", K .. "tq:groups", g) end
  redis.call("XADD", eventsKey, "*", "event", "delayed", "jobId", id, "delay", GROUP_PARKED_DUE)
end

-- addJob: tags a grouped job's hash with "tqg"; returns the group or nil.
local function groupTag(jobKey, opts)
  if type(opts) ~= "table" or type(opts["tqGroup"]) ~= "string" then return nil end
  redis.call("HSET", jobKey, "tqg", opts["tqGroup"])
  return opts["tqGroup"]
end

-- addJob: a new grouped job without delay waits in its group; a worker is woken to release it.
local function groupParkNew(K, delayedKey, eventsKey, markerKey, metaKey, activeKey, g, id)
  groupPark(K, delayedKey, eventsKey, g, id, false)
  addBaseMarker(markerKey, isPausedOrMaxed(metaKey, activeKey))
end

-- 0 when group g may start a job now; else the ms until its rate window opens, or -1 when its
-- concurrency is reached. held: the asking job already holds a slot.
local function groupBlocked(K, g, conc, max, held)
  if conc and not held then
    local ak = groupKey(K, g, "active")
    if redis.call("SCARD", ak) >= conc then
      -- reclaim one slot whose job ended without a finish (removed, or run by someone else)
      local m = redis.call("SRANDMEMBER", ak)
      local f = redis.call("HMGET", K .. m, "name", "finishedOn")
      if f[1] and not f[2] then return -1 end
      redis.call("SREM", ak, m)
      if redis.call("SCARD", ak) >= conc then return -1 end
    end
  end
  if max then
    local lk = groupKey(K, g, "limiter")
    if tonumber(redis.call("GET", lk) or 0) >= max then
      local pttl = redis.call("PTTL", lk)
      if pttl > 0 then return pttl end
      redis.call("DEL", lk)
    end
  end
  return 0
end

local function groupReleaseHead(K, q, g, gw, pk)
  for _ = 1, 1000 do
    local id = redis.call("RPOP", gw)
    if not id then return end
    if tonumber(redis.call("ZSCORE", q.delayed, id) or 0) >= GROUP_PARKED_SCORE then
      redis.call("ZREM", q.delayed, id)
      local jobKey = K .. id
      local h = redis.call("HMGET", jobKey, "priority", "ats")
      local priority = tonumber(h[1]) or 0
      if priority > 0 then
        addToPrioritized(q.prioritized, q.pc, id, priority)
      else
        redis.call("LPUSH", q.wait, id)
      end
      redis.call("HSET", jobKey, "tqr", tonumber(h[2]) or 0)
      redis.call("SET", pk, id)
      redis.call("XADD", q.events, "*", "event", "waiting", "jobId", id, "prev", "delayed")
      return
    end
  end
end

-- Fetch, before the pop: releases at most one job per eligible group, round-robin. Returns when
-- the earliest rate-limited group opens again (ms, the caller's clock), or nil.
local function groupRelease(K, q, now)
  local ring = K .. "tq:groups"
  local n = redis.call("LLEN", ring)
  if n == 0 then return nil end
  local scan = math.min(n, GROUP_SCAN)
  local nextOpen
  for _ = 1, scan do
    local g = redis.call("RPOPLPUSH", ring, ring)
    local gw = groupKey(K, g, "wait")
    local pk = groupKey(K, g, "pend")
    local pend = redis.call("GET", pk)
    if pend then
      local h = redis.call("HMGET", K .. pend, "tqr", "ats")
      if not h[1] or tonumber(h[1]) ~= (tonumber(h[2]) or 0) then
        redis.call("DEL", pk)
        pend = nil
      end
    end
    if not pend then
      local conc, max = groupLimits(K, g)
      local wait = groupBlocked(K, g, conc, max, false)
      if wait == 0 then
        groupReleaseHead(K, q, g, gw, pk)
      elseif wait > 0 and (not nextOpen or now + wait < nextOpen) then
        nextOpen = now + wait
      end
    end
    if redis.call("LLEN", gw) == 0 then redis.call("LREM", ring, 1, g) end
  end
  if n > scan and (not nextOpen or now + GROUP_RESCAN_MS < nextOpen) then nextOpen = now + GROUP_RESCAN_MS end
  return nextOpen
end

-- Fetch, after the pop: true when the popped job may start. Otherwise the job is parked again and
-- false returned; the caller then drops it from active.
local function groupAdmit(K, q, id, now)
  local jobKey = K .. id
  local h = redis.call("HMGET", jobKey, "tqg", "tqr", "ats", "defa")
  local g = h[1]
  if not g or h[4] then return true end
  local pk = groupKey(K, g, "pend")
  if redis.call("GET", pk) == id then redis.call("DEL", pk) end
  if h[2] then redis.call("HDEL", jobKey, "tqr") end
  if not h[2] and (tonumber(h[3]) or 0) == 0 then
    groupPark(K, q.delayed, q.events, g, id, false)
    return false
  end
  local conc, max, duration = groupLimits(K, g)
  local ak = groupKey(K, g, "active")
  local held = redis.call("SISMEMBER", ak, id) == 1
  if groupBlocked(K, g, conc, max, held) ~= 0 then
    redis.call("SREM", ak, id)
    groupPark(K, q.delayed, q.events, g, id, true)
    return false
  end
  if conc then redis.call("SADD", ak, id) end
  if max then
    local lk = groupKey(K, g, "limiter")
    local c = redis.call("INCR", lk)
    if c == 1 then redis.call("PEXPIRE", lk, math.floor(duration)) end
    if c >= max then
      -- the delay marker, only ever earlier: sleeping workers re-plan for the window's end
      redis.call("ZADD", q.marker, "LT", now + math.max(redis.call("PTTL", lk), 0), "1")
    end
  end
  return true
end

-- Fetch, nothing found: the earliest of the next real delayed job (score) and a group's window.
local function groupNextDue(firstScore, open)
  local due
  if firstScore and tonumber(firstScore) < GROUP_PARKED_SCORE then due = tonumber(firstScore) / 0x1000 end
  if open and (not due or open < due) then return open end
  return due or 0
end

-- Finish: the job's concurrency slot is free.
local function groupFinished(K, jobKey, id)
  local g = redis.call("HGET", jobKey, "tqg")
  if g then redis.call("SREM", groupKey(K, g, "active"), id) end
end
