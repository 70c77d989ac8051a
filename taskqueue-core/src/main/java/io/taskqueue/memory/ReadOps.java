package io.taskqueue.memory;

import io.taskqueue.Job;
import io.taskqueue.JobState;
import io.taskqueue.spi.StatusCodes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads (docs/protocol.md §5.13) and the per-job data a running handler writes: progress, logs and checkpoints.
 * Called with the queue's lock held.
 */
final class ReadOps {
    private final QueueState s;

    ReadOps(QueueState state) {
        this.s = state;
    }

    Optional<Job> getJob(String jobId) {
        MemoryJob job = s.jobs.get(jobId);
        return job == null ? Optional.empty() : Optional.of(job.toJob());
    }

    /** Each job sits in exactly one structure, so docs/protocol.md §5.13's lookup order needs no scan here. */
    JobState getState(String jobId) {
        MemoryJob job = s.jobs.get(jobId);
        return job == null ? JobState.UNKNOWN : job.state;
    }

    /**
     * LRANGE / ZRANGE / ZREVRANGE semantics. For lists "ascending" reads from the right end (the
     * oldest), which is LRANGE on the reversed list.
     */
    List<Job> getJobs(JobState state, long start, long end, boolean ascending) {
        List<String> ids = switch (state) {
            case WAITING -> listRange(s.wait, start, end, ascending);
            case ACTIVE -> listRange(s.active, start, end, ascending);
            case PRIORITIZED -> s.prioritized.rangeByRank(start, end, ascending);
            case DELAYED -> s.delayed.rangeByRank(start, end, ascending);
            case COMPLETED -> s.completed.rangeByRank(start, end, ascending);
            case FAILED -> s.failed.rangeByRank(start, end, ascending);
            default -> List.of();
        };
        List<Job> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            MemoryJob job = s.jobs.get(id);
            if (job != null) {
                out.add(job.toJob());
            }
        }
        return out;
    }

    private static List<String> listRange(Iterable<String> leftToRight, long start, long end, boolean ascending) {
        List<String> ids = new ArrayList<>();
        leftToRight.forEach(ids::add);
        if (ascending) {
            Collections.reverse(ids);
        }
        return RedisRange.slice(ids, start, end);
    }

    Map<JobState, Long> counts(Set<JobState> states) {
        Map<JobState, Long> out = new EnumMap<>(JobState.class);
        for (JobState state : states) {
            long n = switch (state) {
                case WAITING -> s.wait.size();
                case ACTIVE -> s.active.size();
                case PRIORITIZED -> s.prioritized.size();
                case DELAYED -> s.delayed.size();
                case COMPLETED -> s.completed.size();
                case FAILED -> s.failed.size();
                default -> 0;
            };
            out.put(state, n);
        }
        return out;
    }

    List<String> getLogs(String jobId, long start, long end) {
        MemoryJob job = s.jobs.get(jobId);
        return job == null ? List.of() : RedisRange.slice(job.logs, start, end);
    }

    boolean updateProgress(String jobId, String progressJson) {
        MemoryJob job = s.jobs.get(jobId);
        if (job == null) {
            return false;
        }
        job.progressJson = progressJson;
        s.emit("progress", "jobId", jobId, "data", progressJson);
        return true;
    }

    /** RPUSH then LTRIM to the last {@code keepLogs}; a missing job is an error, as on Redis (-1). */
    long addLog(String jobId, String line, Integer keepLogs) {
        MemoryJob job = s.jobs.get(jobId);
        if (job == null) {
            throw StatusCodes.toException(StatusCodes.JOB_NOT_FOUND, jobId, "addLog");
        }
        job.logs.add(line);
        if (keepLogs != null && job.logs.size() > keepLogs) {
            job.logs.subList(0, job.logs.size() - keepLogs).clear();
        }
        return job.logs.size();
    }

    void saveCheckpoint(String jobId, String key, String json) {
        MemoryJob job = s.jobs.get(jobId);
        if (job == null) {
            throw StatusCodes.toException(StatusCodes.JOB_NOT_FOUND, jobId, "saveCheckpoint");
        }
        job.checkpoints.put(key, json);
    }

    Map<String, String> checkpoints(String jobId) {
        MemoryJob job = s.jobs.get(jobId);
        return job == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(job.checkpoints));
    }
}
