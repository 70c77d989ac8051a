/**
 * Internals of the Redis backend: key names ({@link io.taskqueue.redis.internal.Keys}), the Lua
 * scripts and their runner, and the job hash codec. Not exported; may change in any release.
 */
package io.taskqueue.redis.internal;
