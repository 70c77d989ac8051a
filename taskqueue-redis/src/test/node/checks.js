'use strict';
// Node side of the interop checks 5, 6, 8, 12 and 14 (driven by BullmqRuntimeInteropIT and
// BullmqMaintenanceInteropIT). Usage: node checks.js <command> '<json config>'. The config always has
// url, prefix and queue. Every command prints one JSON document as its last stdout line; "worker"
// may print "READY" first (cfg.background) and "STARTED <id>" lines for jobs it hangs on. Every loop
// is bounded by cfg.timeoutMs (default 60 s). Exit code 1 with the error on stderr on failure.
const { Queue, Worker, Job } = require('bullmq');

const [command, rawConfig] = process.argv.slice(2);
const cfg = JSON.parse(rawConfig || '{}');
const connection = { url: cfg.url, maxRetriesPerRequest: null };
const base = { connection, prefix: cfg.prefix };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Errors a Worker reports on its 'error' event or from run(). Every one fails the command unless it
// matches one of cfg.expectedErrors (regular expressions): a check never passes over a Node error.
const workerErrors = [];
function recordError(e) {
  workerErrors.push(String((e && e.message) || e));
}
function failOnUnexpectedErrors() {
  const expected = (cfg.expectedErrors || []).map((p) => new RegExp(p));
  const unexpected = workerErrors.filter((m) => !expected.some((re) => re.test(m)));
  if (unexpected.length > 0) throw new Error('unexpected Node worker errors: ' + JSON.stringify(unexpected));
}

function view(job) {
  if (!job) return null;
  return {
    id: job.id, name: job.name, data: job.data, delay: job.delay, priority: job.priority,
    attemptsMade: job.attemptsMade, failedReason: job.failedReason, stacktrace: job.stacktrace,
    returnvalue: job.returnvalue, finishedOn: job.finishedOn, processedOn: job.processedOn,
  };
}

const commands = {
  // A worker whose processor fails jobs named in cfg.failNames with "attempt <n> failed", hangs
  // (printing "STARTED <id>") on jobs named in cfg.hangNames, and completes the others. Stops
  // after cfg.count final outcomes (0: never) or after cfg.timeoutMs / cfg.durationMs.
  async worker() {
    const seen = [];
    const failures = [];
    const stalled = [];
    const failed = [];
    let finished = 0;
    let done;
    const allDone = new Promise((resolve) => { done = resolve; });
    const failNames = cfg.failNames || [];
    const hangNames = cfg.hangNames || [];
    const worker = new Worker(cfg.queue, async (job) => {
      seen.push({ id: job.id, name: job.name, startedAt: Date.now(), attemptsMade: job.attemptsMade });
      if (hangNames.includes(job.name)) {
        process.stdout.write('STARTED ' + job.id + '\n');
        await new Promise(() => {});
      }
      if (failNames.includes(job.name)) {
        const error = new Error('attempt ' + (job.attemptsMade + 1) + ' failed');
        failures.push({ id: job.id, attempt: job.attemptsMade + 1, at: Date.now() });
        throw error;
      }
      return { echo: job.data };
    }, { ...base, autorun: false, ...(cfg.workerOpts || {}) });
    const finish = () => { finished += 1; if (cfg.count && finished >= cfg.count) done(); };
    worker.on('completed', finish);
    worker.on('failed', (job, err) => {
      if (job) failed.push({ id: job.id, reason: err && err.message, attemptsMade: job.attemptsMade });
      if (!job || job.attemptsMade >= (job.opts.attempts || 1) || (err && err.name === 'UnrecoverableError')
        || (err && /stalled more than allowable limit/.test(err.message))) finish();
    });
    worker.on('stalled', (id, prev) => stalled.push({ id, prev }));
    worker.on('error', recordError);
    worker.run().catch(recordError);
    await worker.waitUntilReady();
    if (cfg.background) process.stdout.write('READY\n');
    const timer = setTimeout(done, cfg.durationMs || cfg.timeoutMs || 60000);
    await allDone;
    clearTimeout(timer);
    await worker.close();
    failOnUnexpectedErrors();
    return { seen, failures, stalled, failed, finished, errors: workerErrors };
  },

  // Runs only the stall checker of a Worker that never fetches (autorun false), every
  // workerOpts.stalledInterval, until stdin is closed or cfg.durationMs passes. Prints READY first.
  // Like worker, it fails on any error the Worker reports that cfg.expectedErrors does not name.
  async stallCheck() {
    const worker = new Worker(cfg.queue, async () => { throw new Error('stallCheck never processes'); },
      { ...base, ...(cfg.workerOpts || {}), autorun: false });
    const stalled = [];
    worker.on('stalled', (id) => stalled.push(id));
    worker.on('error', recordError);
    await worker.waitUntilReady();
    let stop = false;
    process.stdin.on('end', () => { stop = true; });
    process.stdin.on('close', () => { stop = true; });
    process.stdin.resume();
    process.stdout.write('READY\n');
    const interval = (cfg.workerOpts && cfg.workerOpts.stalledInterval) || 30000;
    const deadline = Date.now() + (cfg.durationMs || 60000);
    let checks = 0;
    while (!stop && Date.now() < deadline) {
      await worker.moveStalledJobsToWait();
      checks += 1;
      await sleep(interval + 20);
    }
    await worker.close();
    failOnUnexpectedErrors();
    return { checks, stalled };
  },

  // Runs cfg.ops in order on one Queue; each result is {t: Date.now() before the op, ...}. An op
  // that throws ends the command with the error, unless it says expectError: then the error is its
  // result's "error", and an op with expectError that succeeds ends the command with an error.
  async ops() {
    const queue = new Queue(cfg.queue, base);
    const results = [];
    for (const op of cfg.ops) {
      const r = { op: op.op, t: Date.now() };
      try {
        switch (op.op) {
          case 'add': r.id = (await queue.add(op.name, op.data || {}, op.opts || {})).id; break;
          case 'promote': await (await Job.fromId(queue, op.id)).promote(); break;
          case 'promoteJobs': await queue.promoteJobs(); break;
          case 'changeDelay': await (await Job.fromId(queue, op.id)).changeDelay(op.delay); break;
          case 'remove': r.result = await queue.remove(op.id); break;
          case 'jobRetry': await (await Job.fromId(queue, op.id)).retry(op.state || 'failed'); break;
          case 'retryJobs': await queue.retryJobs({ state: op.state || 'failed' }); break;
          case 'clean': r.result = await queue.clean(op.grace, op.limit, op.type); break;
          case 'drain': await queue.drain(!!op.delayed); break;
          case 'obliterate': await queue.obliterate({ force: !!op.force }); break;
          case 'upsertScheduler': {
            const job = await queue.upsertJobScheduler(op.id, op.repeat, op.template);
            r.id = job && job.id;
            break;
          }
          case 'ids': r.result = (await queue.getJobs([op.state], 0, -1, false)).map((j) => j.id); break;
          case 'job': r.result = view(await Job.fromId(queue, op.id)); break;
          case 'sleep': await sleep(op.ms); break;
          default: throw new Error('unknown op ' + op.op);
        }
        if (op.expectError) throw new Error('op ' + JSON.stringify(op) + ' was expected to fail and did not');
      } catch (e) {
        if (!op.expectError || /was expected to fail/.test(String(e && e.message))) throw e;
        r.error = String((e && e.message) || e);
      }
      results.push(r);
    }
    await queue.close();
    return { results };
  },
};

(async () => {
  const out = await commands[command]();
  process.stdout.write(JSON.stringify(out) + '\n', () => process.exit(0));
})().catch((e) => {
  process.stderr.write(String((e && e.stack) || e) + '\n');
  process.exit(1);
});
