// Timing, percentiles and table printing for the benchmarks. Every loop here
// is bounded twice: by a number of iterations and by a time budget.
import { cpus, loadavg, totalmem } from 'node:os';

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN, mean };
}

export interface Budget {
  /** Stop after this many timed iterations (per variant). */
  maxIterations: number;
  /** Stop after this much wall time in total, milliseconds. */
  maxMs: number;
  /** Untimed calls first, per variant, to prepare statements and warm caches. */
  warmup?: number;
}

/**
 * Times two groups of calls in alternating blocks (`blockMs` of group A, then
 * of group B, …) until `maxMs` in all or every call has `maxIterations`
 * samples. Within a block the calls take turns (q1, q2, q3, q1, …), so no
 * call runs with the caches to itself, as none would in a running bot; the
 * alternation puts whatever else the machine does on both groups alike.
 * Returns milliseconds per call, by group and call name.
 */
export function timeAlternating(
  groups: Record<string, Record<string, () => unknown>>,
  budget: Budget & { blockMs: number },
): Record<string, Record<string, number[]>> {
  const samples: Record<string, Record<string, number[]>> = {};
  for (const [g, calls] of Object.entries(groups)) {
    samples[g] = Object.fromEntries(Object.keys(calls).map((c) => [c, []]));
    for (const call of Object.values(calls)) for (let i = 0; i < (budget.warmup ?? 3); i++) call();
  }
  const full = () => Object.values(samples).every((byCall) => Object.values(byCall).every((xs) => xs.length >= budget.maxIterations));
  const deadline = performance.now() + budget.maxMs;
  while (performance.now() < deadline && !full()) {
    for (const [g, calls] of Object.entries(groups)) {
      const entries = Object.entries(calls).filter(([c]) => samples[g]![c]!.length < budget.maxIterations);
      const blockEnd = Math.min(deadline, performance.now() + budget.blockMs);
      for (let i = 0; entries.length > 0 && performance.now() < blockEnd; i++) {
        const [name, fn] = entries[i % entries.length]!;
        const start = performance.now();
        fn();
        const xs = samples[g]![name]!;
        xs.push(performance.now() - start);
        if (xs.length >= budget.maxIterations) entries.splice(i % entries.length, 1);
      }
    }
  }
  return samples;
}

export interface Verdict {
  target: string;
  met: boolean;
}

export const verdict = (target: string, met: boolean): Verdict => ({ target, met });
export const mark = (v: Verdict): string => `${v.met ? 'met' : 'NOT MET'} (${v.target})`;

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const fmtMb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A plain text table, columns padded to their widest cell. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  date: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews p99s. */
  loadAverage: { start: number; end?: number };
}

export function machineInfo(): MachineInfo {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    loadAverage: { start: Number(loadavg()[0]?.toFixed(2)) },
  };
}

export const currentLoad = (): number => Number(loadavg()[0]?.toFixed(2));
