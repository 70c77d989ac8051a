--[[
  Removes one job and its keys (docs/protocol.md §5.11), unless it is locked. Children of a flow parent are
  not removed recursively (taskqueue does not create flows); the job leaves its own parent.

  KEYS[1] completed   KEYS[2] waiting-children   KEYS[3] delayed   KEYS[4] failed
  KEYS[5] prioritized KEYS[6] wait   KEYS[7] paused   KEYS[8] active   KEYS[9] events
  KEYS[10] meta       KEYS[11] repeat
  ARGV[1] K   ARGV[2] job id   ARGV[3] now (ms)
  Returns 1 removed, 0 locked, -1 no such job, -8 the current iteration of a job scheduler.
]]
--@include common
--@include parents
local K, id = ARGV[1], ARGV[2]
local jobKey = K .. id
if redis.call("EXISTS", jobKey) == 0 then return -1 end
if isCurrentSchedulerJob(jobKey, id, KEYS[11]) then return -8 end
if redis.call("EXISTS", jobKey .. ":lock") == 1 then return 0 end
detachFromParent(jobKey, tonumber(ARGV[3]))
local prev = "unknown"
local names = {"completed", "waiting-children", "delayed", "failed", "prioritized"}
for i = 1, 5 do
  if redis.call("ZREM", KEYS[i], id) == 1 then prev = names[i]; break end
end
if prev == "unknown" then
  if redis.call("LREM", KEYS[6], -1, id) > 0 then prev = "wait"
  elseif redis.call("LREM", KEYS[7], -1, id) > 0 then prev = "paused"
  elseif redis.call("LREM", KEYS[8], -1, id) > 0 then prev = "active" end
end
removeDedupKey(K, jobKey, id)
if removeJobKeys(jobKey) == 1 then
  local maxEvents = getMaxEvents(KEYS[10])
  redis.call("XADD", KEYS[9], "MAXLEN", "~", maxEvents, "*", "event", "removed", "jobId", id, "prev", prev)
end
return 1
