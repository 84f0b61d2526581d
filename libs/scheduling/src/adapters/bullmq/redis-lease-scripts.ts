// The lease's Redis scripts: each runs atomically, so no other client acts between its steps.

/**
 * KEYS[1] the lease, KEYS[2] its token counter; ARGV[1] the lease time in ms, ARGV[2] the holder.
 * Free → a new token (INCR: strictly greater than every earlier one) stored as `token/holder` with
 * the expiry, and returned; held → nil. The counter never expires, so tokens never repeat.
 */
export const ACQUIRE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return false end
local token = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], token .. '/' .. ARGV[2], 'PX', ARGV[1])
return token
`;

/** KEYS[1] the lease; ARGV[1] the holder's `token/holder`, ARGV[2] the lease time. 1 if renewed. */
export const CHECK_AND_EXTEND = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`;

/** KEYS[1] the lease; ARGV[1] the holder's `token/holder`. Deletes it only if it is still theirs. */
export const CHECK_AND_DELETE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;
