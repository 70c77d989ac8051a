/** The worker framework's machinery: the health endpoint. Not API. */
package io.taskqueue.worker.internal;
