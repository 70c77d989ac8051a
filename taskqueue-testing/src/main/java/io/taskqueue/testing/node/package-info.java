/** Running the Node side of cross-runtime tests: pinned npm packages, scripts with JSON in and out. */
package io.taskqueue.testing.node;
