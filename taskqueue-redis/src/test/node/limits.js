'use strict';
// Node side of taskqueue-redis's limits and deduplication interop checks (docs/protocol.md §14 checks 7
// and 10). Usage: node limits.js <command> '<json config>'; prints "READY" once the workers run,
// then one JSON document. Exit code 1 with the error on stderr on failure.
const { Queue, Worker } = require('bullmq');

const [command, rawConfig] = process.argv.slice(2);
const cfg = JSON.parse(rawConfig || '{}');
const connection = { url: cfg.url, maxRetriesPerRequest: null };
const base = { connection, prefix: cfg.prefix };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const commands = {
  // Starts cfg.workers workers of cfg.concurrency; each job sleeps cfg.sleepMs. Ends after cfg.count
  // jobs finished or cfg.timeoutMs.
  async work() {
    const seen = [];
    let finished = 0;
    let done;
    const allDone = new Promise((resolve) => { done = resolve; });
    const workers = [];
    for (let i = 0; i < (cfg.workers || 1); i++) {
      const w = new Worker(cfg.queue, async (job) => {
        seen.push({ id: job.id, data: job.data, startedAt: Date.now(), worker: i });
        if (cfg.sleepMs) await sleep(cfg.sleepMs);
        return { ok: true };
      }, { ...base, concurrency: cfg.concurrency || 1, drainDelay: 1, ...(cfg.workerOpts || {}) });
      w.on('completed', () => { finished += 1; if (finished >= cfg.count) done(); });
      w.on('error', (e) => process.stderr.write(String(e) + '\n'));
      workers.push(w);
    }
    await Promise.all(workers.map((w) => w.waitUntilReady()));
    process.stdout.write('READY\n');
    const timer = setTimeout(done, cfg.timeoutMs || 60000);
    await allDone;
    clearTimeout(timer);
    if (cfg.lingerMs) await sleep(cfg.lingerMs);
    await Promise.all(workers.map((w) => w.close()));
    return { seen, finished };
  },

  // Queue-level settings written by Node, for Java workers to honour.
  async settings() {
    const queue = new Queue(cfg.queue, base);
    if (cfg.concurrency) await queue.setGlobalConcurrency(cfg.concurrency);
    if (cfg.max) await queue.setGlobalRateLimit(cfg.max, cfg.duration);
    const meta = {
      concurrency: String(await queue.getGlobalConcurrency()),
      rateLimit: await queue.getGlobalRateLimit(),
    };
    await queue.close();
    return { meta };
  },
};

(async () => {
  const out = await commands[command]();
  process.stdout.write(JSON.stringify(out) + '\n');
  process.exit(0);
})().catch((e) => {
  process.stderr.write(String((e && e.stack) || e) + '\n');
  process.exit(1);
});
