package io.taskqueue.redis.internal;

import io.lettuce.core.ScriptOutputType;

/**
 * The Lua scripts, one file each under {@code io/taskqueue/redis/lua/}; every file documents its
 * KEYS, ARGV and reply in its header.
 */
public enum Script {
    ADD_JOB("addJob", ScriptOutputType.VALUE),
    MOVE_TO_ACTIVE("moveToActive", ScriptOutputType.MULTI),
    EXTEND_LOCKS("extendLocks", ScriptOutputType.MULTI),
    MOVE_TO_FINISHED("moveToFinished", ScriptOutputType.MULTI),
    RETRY_JOB("retryJob", ScriptOutputType.INTEGER),
    MOVE_JOB_FROM_ACTIVE_TO_WAIT("moveJobFromActiveToWait", ScriptOutputType.INTEGER),
    MOVE_STALLED_JOBS_TO_WAIT("moveStalledJobsToWait", ScriptOutputType.MULTI),
    UPDATE_PROGRESS("updateProgress", ScriptOutputType.INTEGER),
    ADD_LOG("addLog", ScriptOutputType.INTEGER),
    SAVE_CHECKPOINT("saveCheckpoint", ScriptOutputType.INTEGER),
    GET_STATE("getState", ScriptOutputType.VALUE),
    GET_JOBS("getJobs", ScriptOutputType.MULTI),
    GET_COUNTS("getCounts", ScriptOutputType.MULTI),
    PAUSE("pause", ScriptOutputType.INTEGER),
    REMOVE_JOB("removeJob", ScriptOutputType.INTEGER),
    REPROCESS_JOB("reprocessJob", ScriptOutputType.INTEGER),
    PROMOTE("promote", ScriptOutputType.INTEGER),
    CHANGE_DELAY("changeDelay", ScriptOutputType.INTEGER),
    CHANGE_PRIORITY("changePriority", ScriptOutputType.INTEGER),
    CLEAN_JOBS_IN_SET("cleanJobsInSet", ScriptOutputType.MULTI),
    DRAIN("drain", ScriptOutputType.INTEGER),
    OBLITERATE("obliterate", ScriptOutputType.INTEGER),
    CANCEL_JOB("cancelJob", ScriptOutputType.INTEGER),
    // ---- limits, deduplication and metrics () ----
    GET_RATE_LIMIT_TTL("getRateLimitTtl", ScriptOutputType.INTEGER),
    GET_METRICS("getMetrics", ScriptOutputType.MULTI),
    // ---- job groups () ----
    GROUP_WAITING_COUNT("groupWaitingCount", ScriptOutputType.INTEGER),
    OBLITERATE_GROUPS("obliterateGroups", ScriptOutputType.INTEGER),
    // ---- schedulers and flows () ----
    ADD_JOB_SCHEDULER("addJobScheduler", ScriptOutputType.MULTI),
    UPDATE_JOB_SCHEDULER("updateJobScheduler", ScriptOutputType.VALUE),
    REMOVE_JOB_SCHEDULER("removeJobScheduler", ScriptOutputType.INTEGER),
    ADD_FLOW("addFlow", ScriptOutputType.MULTI);

    private final String fileName;
    private final ScriptOutputType output;

    Script(String fileName, ScriptOutputType output) {
        this.fileName = fileName;
        this.output = output;
    }

    /** How Lettuce decodes the reply: INTEGER (Long), VALUE (String) or MULTI (List, nested). */
    public ScriptOutputType output() {
        return output;
    }

    /** The file name without directory and extension, e.g. {@code moveToActive}. */
    public String fileName() {
        return fileName;
    }
}
