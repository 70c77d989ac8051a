/** The worker framework's machinery: health endpoint, backend probe, meters. Not API. */
package io.taskqueue.worker.internal;
