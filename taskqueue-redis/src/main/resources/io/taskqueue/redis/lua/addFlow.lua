--[[
  Adds a whole flow atomically (docs/protocol.md §5.1.1): nodes come parents first; a parent goes to
  waiting-children, a leaf is enqueued (or delayed) as by addJob, and every child is registered in
  its parent's ":dependencies". Parent release is deferred to the end, as in BullMQ 6.5.1+: a
  parent whose children were all already complete (existing ids) is released once, here.
  Queue and job keys are built from each node's queue prefix, so every queue of the flow must live
  in one hash slot on Redis Cluster (same hash tag).

  KEYS: none (all keys derive from ARGV; see above)
  ARGV[1] JSON array of nodes, each {base ("P:Q:"), qualified ("P:Q"), id, name, data, opts,
          timestamp, delay, priority, lifo, parent (index into the array, 1-based, or 0), flag
          ("fpof"|"idof"|"cpof"|"rdof"|""), children (count)}
  ARGV[2] now (ms)
  Returns the ids, in node order.
]]
--@include common
--@include parents
local nodes = cjson.decode(ARGV[1])
local now = tonumber(ARGV[2])
local ids = {}
local parents = {}
for i, n in ipairs(nodes) do
  local K = n["base"]
  redis.call("INCR", K .. "id")
  local maxEvents = getMaxEvents(K .. "meta")
  local id = n["id"]
  local jobKey = K .. id
  ids[i] = id
  local parentKey, parentJson
  if n["parent"] > 0 then
    local p = nodes[n["parent"]]
    parentKey = p["base"] .. ids[n["parent"]]
    local ref = {id = ids[n["parent"]], queueKey = p["qualified"]}
    if n["flag"] ~= "" then ref[n["flag"]] = true end
    parentJson = cjson.encode(ref)
  end
  if redis.call("EXISTS", jobKey) == 1 then
    -- an existing job joins the flow when it has no live parent of its own
    local current = redis.call("HGET", jobKey, "parentKey")
    if parentKey and (not current or current == parentKey or redis.call("EXISTS", current) == 0) then
      if redis.call("ZSCORE", K .. "completed", id) then
        redis.call("HSET", parentKey .. ":processed", jobKey, redis.call("HGET", jobKey, "returnvalue") or "null")
      else
        redis.call("SADD", parentKey .. ":dependencies", jobKey)
      end
      redis.call("HSET", jobKey, "parentKey", parentKey, "parent", parentJson)
    end
    redis.call("XADD", K .. "events", "MAXLEN", "~", maxEvents, "*", "event", "duplicated", "jobId", id)
  else
    local fields = {"name", n["name"], "data", n["data"], "opts", n["opts"], "timestamp", n["timestamp"],
      "delay", n["delay"], "priority", n["priority"]}
    if parentKey then
      table.insert(fields, "parentKey"); table.insert(fields, parentKey)
      table.insert(fields, "parent"); table.insert(fields, parentJson)
    end
    redis.call("HSET", jobKey, unpack(fields))
    redis.call("XADD", K .. "events", "*", "event", "added", "jobId", id, "name", n["name"])
    local delay = tonumber(n["delay"])
    if n["children"] > 0 then
      redis.call("ZADD", K .. "waiting-children", n["timestamp"], id)
      redis.call("XADD", K .. "events", "MAXLEN", "~", maxEvents, "*", "event", "waiting-children", "jobId", id)
      table.insert(parents, jobKey)
    elseif delay > 0 then
      local due = tonumber(n["timestamp"]) + delay
      redis.call("ZADD", K .. "delayed", delayedScore(K .. "delayed", due), id)
      redis.call("XADD", K .. "events", "MAXLEN", "~", maxEvents, "*", "event", "delayed", "jobId", id, "delay", due)
      addDelayMarker(K .. "delayed", K .. "marker")
    else
      local pausedOrMaxed = isPausedOrMaxed(K .. "meta", K .. "active")
      enqueueReady(K .. "wait", K .. "prioritized", K .. "pc", K .. "marker", id, tonumber(n["priority"]),
        n["lifo"] == true, pausedOrMaxed)
      redis.call("XADD", K .. "events", "MAXLEN", "~", maxEvents, "*", "event", "waiting", "jobId", id)
    end
    if parentKey then redis.call("SADD", parentKey .. ":dependencies", jobKey) end
  end
end
-- deferred release: parents with nothing left to wait for
for _, parentKey in ipairs(parents) do
  releaseParentIfReady(parentKey, now)
end
return ids
