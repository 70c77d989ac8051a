/** The worker runtime's machinery. Not exported: no compatibility promise. */
package io.taskqueue.internal;
