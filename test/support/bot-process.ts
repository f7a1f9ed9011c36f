// The real bot (`npm start`) as a child process in its own process group, so a
// test can kill it and everything it started at once (tsx runs the bot in a
// child of its own): nothing is left running after a test.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Child } from './child.ts';

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

export interface BotProcess extends Child {
  /** Kills the whole process group and waits for the exit (no-op when it already ended). */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function startBotProcess(env: Record<string, string>): BotProcess {
  // Only what the test gives, plus PATH and HOME: the developer's own .env or tokens never leak in.
  const proc = spawn(process.execPath, [TSX, join(ROOT, 'bin/start.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const done = () => proc.exitCode !== null || proc.signalCode !== null;
  return {
    proc,
    stdout: () => out,
    stderr: () => out,
    exited,
    async waitFor(pattern, timeoutMs = 20_000) {
      const start = Date.now();
      while (!pattern.test(out)) {
        if (done()) throw new Error(`process ended before ${String(pattern)}:\n${out}`);
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(pattern)}:\n${out}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async kill(signal = 'SIGKILL') {
      if (proc.pid === undefined) return;
      try {
        process.kill(-proc.pid, signal);
      } catch {
        // the group is already gone
      }
      if (!done()) await exited;
    },
  };
}
