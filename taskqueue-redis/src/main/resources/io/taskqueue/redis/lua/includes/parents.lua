--[[
  Parent bookkeeping for flow children (docs/protocol.md §5.18), for jobs added by a Node FlowProducer.
  Needs: common.
]]

-- The queue prefix "P:Qparent:" and the id of a parent key "P:Qparent:id".
local function splitParentKey(parentKey)
  local queueKey, pid = string.match(parentKey, "^(.*):([^:]+)$")
  return queueKey .. ":", pid
end

local function moveParentToWait(parentKey, now)
  local PK, pid = splitParentKey(parentKey)
  local v = redis.call("HMGET", parentKey, "delay", "priority")
  local delay = tonumber(v[1]) or 0
  local priority = tonumber(v[2]) or 0
  local events = PK .. "events"
  if delay > 0 then
    local due = now + delay
    redis.call("ZADD", PK .. "delayed", due * 0x1000, pid)
    redis.call("XADD", events, "*", "event", "delayed", "jobId", pid, "delay", due)
    addDelayMarker(PK .. "delayed", PK .. "marker")
  else
    local pausedOrMaxed = isPausedOrMaxed(PK .. "meta", PK .. "active")
    if priority > 0 then
      addToPrioritized(PK .. "prioritized", PK .. "pc", pid, priority)
    else
      redis.call("RPUSH", PK .. "wait", pid)
    end
    addBaseMarker(PK .. "marker", pausedOrMaxed)
    redis.call("XADD", events, "*", "event", "waiting", "jobId", pid, "prev", "waiting-children")
  end
end

local function releaseParentIfReady(parentKey, now)
  local PK, pid = splitParentKey(parentKey)
  if redis.call("SCARD", parentKey .. ":dependencies") == 0
      and redis.call("ZREM", PK .. "waiting-children", pid) == 1 then
    moveParentToWait(parentKey, now)
  end
end

-- A child completed: record its value and release the parent when nothing is pending.
local function onChildCompleted(parentKey, childKey, returnValue, now)
  if redis.call("SREM", parentKey .. ":dependencies", childKey) == 1 then
    redis.call("HSET", parentKey .. ":processed", childKey, returnValue)
    releaseParentIfReady(parentKey, now)
  end
end

-- A child failed for good: apply the failure policy stored in its "parent" JSON.
local function onChildFailed(parentKey, parentJson, childKey, reason, now)
  local ok, p = pcall(cjson.decode, parentJson or "{}")
  if not ok or type(p) ~= "table" then p = {} end
  local deps = parentKey .. ":dependencies"
  local PK, pid = splitParentKey(parentKey)
  if p["fpof"] then
    if redis.call("SREM", deps, childKey) == 1 then
      redis.call("ZADD", parentKey .. ":unsuccessful", now, childKey)
    end
    local reasonText = "child " .. childKey .. " failed"
    if redis.call("ZREM", PK .. "waiting-children", pid) == 1 then
      redis.call("HSET", parentKey, "defa", reasonText)
      moveParentToWait(parentKey, now)
    elseif redis.call("ZREM", PK .. "delayed", pid) == 1 then
      redis.call("HSET", parentKey, "defa", reasonText, "delay", 0)
      moveParentToWait(parentKey, now)
    elseif not redis.call("ZSCORE", PK .. "failed", pid) then
      redis.call("HSET", parentKey, "defa", reasonText)
    end
  elseif p["cpof"] then
    if redis.call("SREM", deps, childKey) == 1 then
      redis.call("HSET", parentKey .. ":failed", childKey, reason)
      if redis.call("ZREM", PK .. "waiting-children", pid) == 1 then moveParentToWait(parentKey, now) end
    end
  elseif p["idof"] or p["rdof"] then
    if redis.call("SREM", deps, childKey) == 1 then
      releaseParentIfReady(parentKey, now)
      if p["idof"] then redis.call("HSET", parentKey .. ":failed", childKey, reason) end
    end
  end
end

-- A child is removed: it leaves the parent's pending set, releasing the parent when it was last.
local function detachFromParent(jobKey, now)
  local parentKey = redis.call("HGET", jobKey, "parentKey")
  if parentKey and redis.call("SREM", parentKey .. ":dependencies", jobKey) == 1 then
    releaseParentIfReady(parentKey, now)
  end
end
