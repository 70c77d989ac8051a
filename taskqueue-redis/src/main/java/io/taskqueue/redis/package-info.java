/**
 * The Redis backend: {@link io.taskqueue.redis.RedisBackend}, configured with
 * {@link io.taskqueue.redis.RedisBackendOptions}. Queues it writes are readable and workable by
 * BullMQ 6.7 (Node) and the other way round: same keys, fields, scores, events and markers.
 */
package io.taskqueue.redis;
