'use strict';
// BullMQ 6.7.0 side of bench/redis, driven by RedisBench (Java), which owns timing of the Redis-side
// measurements. Usage: node bench.js <workload> '<json config>'.
// Protocol: set up (connect, warm up, prefill), print "READY", wait for a line "GO" on stdin, run,
// print one JSON line with the result, exit. Every loop is bounded by a count and cfg.timeoutMs.
const { Queue, Worker } = require('bullmq');
const readline = require('readline');

const [workload, raw] = process.argv.slice(2);
const cfg = JSON.parse(raw);
const connection = { host: '127.0.0.1', port: cfg.port, maxRetriesPerRequest: null };
const base = { connection, prefix: 'bench' };
const payload = { payload: 'x'.repeat(cfg.payloadBytes || 1000) };
const deadline = () => Date.now() + (cfg.timeoutMs || 120000);
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function waitGo() {
  return new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: process.stdin });
    rl.on('line', (line) => { if (line.trim() === 'GO') { rl.close(); resolve(); } });
    rl.on('close', () => resolve());
    setTimeout(() => reject(new Error('no GO within 120 s')), 120000);
  });
}

async function addBulk(queue, n, batch) {
  for (let i = 0; i < n; i += batch) {
    const jobs = [];
    for (let j = i; j < Math.min(n, i + batch); j++) jobs.push({ name: 'noop', data: payload });
    await queue.addBulk(jobs);
  }
}

async function drainWith(queueName, n, concurrency) {
  let done = 0;
  let finish;
  const finished = new Promise((r) => { finish = r; });
  const worker = new Worker(queueName, async () => null, { ...base, concurrency, autorun: false });
  worker.on('completed', () => { done += 1; if (done >= n) finish(); });
  worker.on('error', () => {});
  return {
    worker,
    run: async () => {
      worker.run().catch(() => {});
      const t = setTimeout(finish, cfg.timeoutMs || 120000);
      await finished;
      clearTimeout(t);
      await worker.close();
      return done;
    },
  };
}

const workloads = {
  // (a) single adds, cfg.inFlight concurrent callers, cfg.jobs in total
  async add() {
    const queue = new Queue('add', base);
    await queue.waitUntilReady();
    const warm = new Queue('warm', base);
    for (let i = 0; i < (cfg.warmup || 0); i++) await warm.add('noop', payload);
    await warm.obliterate({ force: true });
    await warm.close();
    process.stdout.write('READY\n');
    await waitGo();
    const t0 = nowMs();
    let next = 0;
    const end = deadline();
    const caller = async () => {
      while (next < cfg.jobs && Date.now() < end) {
        next += 1;
        await queue.add('noop', payload);
      }
    };
    await Promise.all(Array.from({ length: cfg.inFlight }, caller));
    const seconds = (nowMs() - t0) / 1000;
    await queue.close();
    return { jobs: next, seconds };
  },

  // (b) addBulk in batches of cfg.batch
  async bulk() {
    const queue = new Queue('bulk', base);
    await queue.waitUntilReady();
    const warm = new Queue('warm', base);
    await addBulk(warm, cfg.warmup || 0, cfg.batch);
    await warm.obliterate({ force: true });
    await warm.close();
    process.stdout.write('READY\n');
    await waitGo();
    const t0 = nowMs();
    await addBulk(queue, cfg.jobs, cfg.batch);
    const seconds = (nowMs() - t0) / 1000;
    await queue.close();
    return { jobs: cfg.jobs, seconds };
  },

  // (c) drain cfg.jobs pre-filled jobs at cfg.concurrency (the prefill happens before READY)
  async drain() {
    if (cfg.warmup) {
      const warm = new Queue('warm', base);
      await addBulk(warm, cfg.warmup, 1000);
      const w = await drainWith('warm', cfg.warmup, cfg.concurrency);
      await w.run();
      await warm.obliterate({ force: true });
      await warm.close();
    }
    const queue = new Queue('drain', base);
    await addBulk(queue, cfg.jobs, 1000);
    await queue.close();
    const d = await drainWith('drain', cfg.jobs, cfg.concurrency);
    await d.worker.waitUntilReady();
    process.stdout.write('READY\n');
    await waitGo();
    const t0 = nowMs();
    const done = await d.run();
    return { jobs: done, seconds: (nowMs() - t0) / 1000 };
  },

  // (d) enqueue->start latency: an open-loop producer at cfg.rate jobs/s for cfg.jobs jobs, each job
  // stamped with its scheduled send time; the worker (same process) records start - stamp.
  async latency() {
    const queue = new Queue('lat', base);
    await queue.waitUntilReady();
    const latencies = [];
    let started = 0;
    let finish;
    const finished = new Promise((r) => { finish = r; });
    const worker = new Worker('lat', async (job) => {
      latencies.push(nowMs() - job.data.t);
      started += 1;
      if (started >= cfg.jobs) finish();
      return null;
    }, { ...base, concurrency: cfg.concurrency, autorun: false });
    worker.on('error', () => {});
    worker.run().catch(() => {});
    await worker.waitUntilReady();
    process.stdout.write('READY\n');
    await waitGo();
    const t0 = nowMs();
    const interval = 1000 / cfg.rate;
    const end = deadline();
    for (let i = 0; i < cfg.jobs && Date.now() < end; i++) {
      const due = t0 + i * interval;
      const wait = due - nowMs();
      if (wait > 1) await sleep(wait);
      queue.add('lat', { t: due, payload: payload.payload }).catch(() => {});
    }
    const t = setTimeout(finish, 30000);
    await finished;
    clearTimeout(t);
    await worker.close();
    await queue.close();
    return { jobs: started, latencies: latencies.slice(cfg.discard || 0) };
  },
};

(async () => {
  const out = await workloads[workload]();
  // exit only once the (possibly large) line is flushed: stdout is a pipe, so writes are async
  process.stdout.write(JSON.stringify(out) + '\n', () => process.exit(0));
})().catch((e) => {
  process.stderr.write(String((e && e.stack) || e) + '\n');
  process.exit(1);
});
