// Once per `vitest run`: compiles dist/ when stale (the process tests run the
// compiled bot, as `npm start` does), and afterwards fails the run if any
// process a test started is still alive. Test children carry this run's marker
// in their environment (test/support/child.ts); the check reads /proc, so it
// runs on Linux (CI), and says so elsewhere.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { ensureBuilt } from '../../bin/build-if-stale.mjs';
import { RUN_MARKER, TEST_CHILD_MARKER } from './child.ts';

/** Live processes whose environment carries the marker, as "pid command". */
export function markedProcesses(marker: string): { pid: number; command: string }[] {
  const needle = `${TEST_CHILD_MARKER}=${marker}\0`;
  const found: { pid: number; command: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (!readFileSync(`/proc/${name}/environ`, 'latin1').includes(needle)) continue;
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue; // a zombie holds nothing
      found.push({ pid: Number(name), command: readFileSync(`/proc/${name}/cmdline`, 'latin1').replace(/\0/g, ' ').trim() });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

export default function setup(): () => Promise<void> {
  ensureBuilt();
  const marker = randomUUID();
  process.env[RUN_MARKER] = marker;
  return async function teardown() {
    if (!existsSync('/proc/self/environ')) {
      console.warn('(the leftover-process check needs /proc; skipped on this system)');
      return;
    }
    // A child killed at the very end of a test may take a moment to be reaped.
    let left = markedProcesses(marker);
    for (let i = 0; i < 20 && left.length > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      left = markedProcesses(marker);
    }
    if (left.length === 0) return;
    for (const p of left) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    // Vitest reports a teardown error but still exits 0; the exit code is what CI reads.
    console.error(`\nFAIL: tests left ${left.length} process(es) running (now killed):\n${left.map((p) => `  ${p.pid} ${p.command}`).join('\n')}\n`);
    process.exitCode = 1;
  };
}
