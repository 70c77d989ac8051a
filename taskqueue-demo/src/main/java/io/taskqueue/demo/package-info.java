/** The demo the README runs: real jobs through a real worker, printed as they happen. */
package io.taskqueue.demo;
