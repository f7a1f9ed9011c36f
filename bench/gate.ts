// The quality gate's cost: time per request over the project's labelled set,
// and the heap its vocabulary and compiled rules hold, measured in a fresh
// child process with forced garbage collection. There is no model file.
//
// Three views of the time, because this runs on shared machines:
// - wall clock per call, every call of every round (what a member waits);
// - CPU time per call (process.cpuUsage, which on Node 20 also counts the
//   garbage collector's and compiler's helper threads, so its p99 can exceed
//   the wall clock's; per-thread CPU time, CLOCK_THREAD_CPUTIME_ID, isn't
//   reachable from Node 20);
// - the steady cost: each request's median over the rounds, then p50/p99
//   across requests, which keeps the gate's own slow requests but drops the
//   moments another process had the core. The target is judged on this one;
//   the raw p99s are printed beside it.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadLabelled, runGate } from '../scripts/gate-data.ts';
import { summarize, verdict, type Summary, type Verdict } from './stats.ts';

export interface GateResult {
  requests: number;
  wall: Summary;
  cpu: Summary;
  /** Each request's median wall time over the rounds, summarised across requests. */
  steady: Summary;
  rounds: number;
  heapMegabytes: number;
  verdicts: Verdict[];
}

const P99_TARGET_MS = 5;
const MEMORY_TARGET_MB = 20;
const ROUNDS = 9;
const WARMUP_ROUNDS = 3;

const root = fileURLToPath(new URL('..', import.meta.url));

function heapOfGate(): number {
  const script = `
    const { gc } = globalThis;
    gc(); gc();
    const before = process.memoryUsage().heapUsed;
    const { loadLabelled, runGate } = await import('./scripts/gate-data.ts');
    const items = loadLabelled('./test/fixtures/gate');
    for (const item of items) runGate(item, items);
    gc(); gc();
    process.stdout.write(String(process.memoryUsage().heapUsed - before));`;
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, timeout: 60_000 });
  return Number(out.toString()) / 1e6;
}

export function benchGate(): GateResult {
  const items = loadLabelled(new URL('../test/fixtures/gate', import.meta.url).pathname);
  // Warm-up: compile the patterns and let the JIT settle before timing.
  for (let round = 0; round < WARMUP_ROUNDS; round++) for (const item of items) runGate(item, items);
  const wall: number[] = [];
  const cpu: number[] = [];
  const perRequest = items.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    items.forEach((item, i) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      runGate(item, items);
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      wall.push(ms);
      cpu.push((c.user + c.system) / 1000);
      perRequest[i]?.push(ms);
    });
  }
  const steady = summarize(perRequest.map((times) => summarize(times).p50));
  const result = { requests: items.length, rounds: ROUNDS, wall: summarize(wall), cpu: summarize(cpu), steady, heapMegabytes: heapOfGate() };
  return {
    ...result,
    verdicts: [
      // Judged on the steady figure: on a shared machine the raw p99 measures the neighbours.
      verdict(`gate time per request p99 ≤ ${P99_TARGET_MS} ms (steady)`, result.steady.p99 <= P99_TARGET_MS),
      verdict(`gate memory ≤ ${MEMORY_TARGET_MB} MB`, result.heapMegabytes <= MEMORY_TARGET_MB),
    ],
  };
}
