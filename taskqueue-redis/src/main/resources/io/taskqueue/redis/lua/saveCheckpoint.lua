--[[
  Saves one checkpoint of a job in the hash K<id>:cp (a taskqueue extension, removed with the job).

  KEYS[1] job hash   KEYS[2] checkpoint hash
  ARGV[1] checkpoint key   ARGV[2] JSON
  Returns 0, or -1 when the job does not exist.
]]
if redis.call("EXISTS", KEYS[1]) == 0 then return -1 end
redis.call("HSET", KEYS[2], ARGV[1], ARGV[2])
return 0
