--[[
  Renews the locks of several jobs (docs/protocol.md §5.3) and reports cancellation requests.

  KEYS[1] stalled
  ARGV[1] K   ARGV[2] lock duration (ms)   ARGV[3..] pairs of job id, token
  Returns one status per pair: 1 renewed, 2 renewed and a cancel was requested
  (K<id>:cancel exists), 0 lost (the lock is missing or held by another token).
]]
local K = ARGV[1]
local result = {}
for i = 3, #ARGV, 2 do
  local id, token = ARGV[i], ARGV[i + 1]
  local lockKey = K .. id .. ":lock"
  if redis.call("GET", lockKey) == token then
    redis.call("SET", lockKey, token, "PX", ARGV[2])
    redis.call("SREM", KEYS[1], id)
    if redis.call("EXISTS", K .. id .. ":cancel") == 1 then
      result[#result + 1] = 2
    else
      result[#result + 1] = 1
    end
  else
    result[#result + 1] = 0
  end
end
return result
