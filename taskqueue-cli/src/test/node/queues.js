'use strict';
// Node side of taskqueue-cli's NodeQueuesIT, with the pinned bullmq 6.7.0.
// Usage: node queues.js <command> '<json config>'; the config has url, prefix and queue.
//   seed:   a worker with metrics completes one job and fails another, then the queue gets two
//           waiting jobs, a delayed one and a cron job scheduler, and is paused. Prints the counts.
//   worker: a named worker on the queue; prints READY once connected, and closes when stdin ends.
// Every wait is bounded by cfg.timeoutMs (default 60 s). Exit code 1 with the error on stderr.
const { Queue, Worker } = require('bullmq');

const [command, rawConfig] = process.argv.slice(2);
const cfg = JSON.parse(rawConfig || '{}');
const connection = { url: cfg.url, maxRetriesPerRequest: null };
const base = { connection, prefix: cfg.prefix };
const timeoutMs = cfg.timeoutMs || 60000;

function within(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const commands = {
  async seed() {
    const queue = new Queue(cfg.queue, base);
    const ok = await queue.add('ok', {});
    const bad = await queue.add('bad', {}, { attempts: 1 });
    const worker = new Worker(cfg.queue, async (job) => {
      if (job.name === 'bad') throw new Error('no');
      return 'done';
    }, { ...base, metrics: { maxDataPoints: 60 } });
    await within((async () => {
      for (;;) {
        const [a, b] = await Promise.all([queue.getJobState(ok.id), queue.getJobState(bad.id)]);
        if (a === 'completed' && b === 'failed') return;
        await new Promise((r) => setTimeout(r, 50));
      }
    })(), 'the first two jobs finish');
    await worker.close();
    await queue.add('send', { to: 'ada' });
    await queue.add('send', { to: 'bob' });
    await queue.add('later', {}, { delay: 3600000 });
    await queue.upsertJobScheduler('node-nightly', { pattern: '0 3 * * *' }, { name: 'report', data: {} });
    await queue.pause();
    const counts = await queue.getJobCounts();
    await queue.close();
    return { counts };
  },

  async worker() {
    const worker = new Worker(cfg.queue, async () => 'done', { ...base, name: cfg.name });
    await within(worker.waitUntilReady(), 'the worker connects');
    console.log('READY');
    await new Promise((resolve) => {
      process.stdin.on('end', resolve);
      process.stdin.on('close', resolve);
      process.stdin.resume();
    });
    await worker.close();
    return { closed: true };
  },
};

(async () => {
  try {
    const result = await commands[command]();
    console.log(JSON.stringify(result));
    process.exit(0);
  } catch (e) {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
  }
})();
