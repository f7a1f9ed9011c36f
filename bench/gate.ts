// The quality gate's cost: time per request over the project's labelled set
// (wall clock and CPU time, so a busy machine shows as the gap between them),
// and the heap its vocabulary and compiled rules hold, measured in a fresh
// child process with forced garbage collection. There is no model file.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadLabelled, runGate } from '../scripts/gate-data.ts';
import { summarize, verdict, type Summary, type Verdict } from './stats.ts';

export interface GateResult {
  requests: number;
  wall: Summary;
  cpu: Summary;
  heapMegabytes: number;
  verdicts: Verdict[];
}

const P99_TARGET_MS = 5;
const MEMORY_TARGET_MB = 20;
const ROUNDS = 5;

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
  for (const item of items) runGate(item, items); // warm-up: compile the patterns once
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const item of items) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      runGate(item, items);
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  const result = { requests: items.length, wall: summarize(wall), cpu: summarize(cpu), heapMegabytes: heapOfGate() };
  return {
    ...result,
    verdicts: [
      verdict(`gate time per request p99 ≤ ${P99_TARGET_MS} ms`, result.wall.p99 <= P99_TARGET_MS),
      verdict(`gate memory ≤ ${MEMORY_TARGET_MB} MB`, result.heapMegabytes <= MEMORY_TARGET_MB),
    ],
  };
}
