package io.taskqueue.example.satloc;

import io.taskqueue.satloc.JobFile;
import io.taskqueue.satloc.JobRing;

/**
 * What a job file says about the field that was to be sprayed.
 *
 * @param jobFile the job file's path, as the task gave it
 * @param jobNumber the job number of its {@code .JOB} line
 * @param name the job name
 * @param boundaries rings that enclose the field
 * @param holes rings cut out of it (exclusions)
 * @param matchesLog whether the log's job id (record 152) is this job number; false when the log names none
 */
public record FieldSummary(String jobFile, String jobNumber, String name, int boundaries, int holes,
        boolean matchesLog) {

    static FieldSummary of(String path, JobFile job, String logJobId) {
        int boundaries = (int) job.rings().stream().filter(JobRing::inclusion).count();
        return new FieldSummary(path, job.jobNumber(), job.name(), boundaries, job.rings().size() - boundaries,
                job.jobNumber().equals(logJobId));
    }
}
