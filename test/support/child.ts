// Runs the real entry points (`npm start`, the compiled bot, the CLI) as child
// processes, the way a person or a service manager would, and reads what they
// print. Each child leads its own process group and is killed as a group, so
// nothing it started survives; each carries this run's marker, so the suite's
// teardown (test/support/global-setup.ts) can find and report any leftover.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
/** Set by the global setup; every child's environment carries it as TEST_CHILD_MARKER. */
export const RUN_MARKER = 'INTRO_BROKER_TEST_RUN';
export const TEST_CHILD_MARKER = 'INTRO_BROKER_TEST_CHILD';

export interface Child {
  proc: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when the output matches; rejects after the timeout with what was printed. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL to the whole process group, then waits for the child's exit. */
  kill(): Promise<void>;
}

/** Only what the test gives, plus PATH and HOME: the developer's own .env or tokens never leak in. */
export function childEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', [TEST_CHILD_MARKER]: process.env[RUN_MARKER] ?? 'unmarked', ...env };
}

export function spawnChild(command: string, args: string[], env: Record<string, string>, opts: { cwd?: string; input?: string } = {}): Child {
  const proc = spawn(command, args, { cwd: opts.cwd ?? ROOT, env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  let out = '';
  let err = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  if (opts.input !== undefined) proc.stdin?.end(opts.input);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    proc,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitFor(pattern, timeoutMs = 20_000) {
      const start = Date.now();
      while (!pattern.test(out + err)) {
        if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`process ended before ${String(pattern)}:\n${out}\n${err}`);
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(pattern)}:\n${out}\n${err}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async kill() {
      killGroup(proc);
      if (proc.exitCode === null && proc.signalCode === null) await exited;
    },
  };
}

/** A signal (SIGKILL unless told) to the child's process group (itself and everything it started); quiet when it is already gone. */
export function killGroup(proc: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (proc.pid === undefined) return;
  try {
    process.kill(-proc.pid, signal);
  } catch {
    // the group is already gone
  }
}

/**
 * An entry point by its source name (`bin/start.ts`, `bin/cli.ts`), run as
 * the compiled JavaScript in dist/ that `npm start` runs (the global setup
 * builds it when stale).
 */
export function startEntry(script: string, env: Record<string, string>, opts: { cwd?: string; input?: string; args?: string[] } = {}): Child {
  return spawnChild(process.execPath, [join(ROOT, 'dist', script.replace(/\.ts$/, '.js')), ...(opts.args ?? [])], env, opts);
}

/** Whether any process of this group is still alive. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Whether something listens on the port (a bot that outlived its stop would). */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(true));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(false)));
  });
}
