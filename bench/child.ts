// Forks a TypeScript child (with the loader this process runs under, as
// `npm start` does) and talks to it over IPC. Every wait has a timeout, and
// every child still alive when the bench ends is killed.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const live = new Set<ChildProcess>();

/** SIGKILL to a child's whole process group: whatever it started dies with it. */
function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Kills every child this bench started and has not yet stopped. */
export function killChildren(): void {
  for (const child of live) killGroup(child);
  live.clear();
}

export interface Child {
  pid: number;
  /** Resolves with the child's first message (its 'ready' or 'error'). */
  first: Promise<Record<string, unknown>>;
  /** Sends `msg` and resolves with the next message of type `reply`. */
  ask(msg: object, reply: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the child's next message of type `type`. */
  next(type: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Asks it to stop, then kills it if it has not exited within the timeout. */
  stop(timeoutMs?: number): Promise<void>;
  /** The last few kilobytes the child wrote to stderr, for error messages. */
  stderrTail(): string;
}

/** `execArgv` defaults to this process's (the TypeScript loader); [] runs compiled JavaScript on plain node. */
export function forkChild(script: URL, args: string[], opts: { timeoutMs?: number; execArgv?: string[] } = {}): Child {
  // Its own process group (detached), killed as a group; the bench kills them all on exit and on Ctrl-C.
  const proc = fork(fileURLToPath(script), args, { execArgv: opts.execArgv ?? process.execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], detached: true });
  live.add(proc);
  let tail = '';
  proc.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  void exited.then(() => live.delete(proc));

  const next = (type: string, timeoutMs = opts.timeoutMs ?? 60_000): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const onMessage = (msg: Record<string, unknown>) => {
        if (msg.type !== type && msg.type !== 'error') return;
        cleanup();
        if (msg.type === 'error') reject(new Error(`child ${proc.pid}: ${String(msg.message)}`));
        else resolve(msg);
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`child ${proc.pid} exited (${code}) while waiting for '${type}'. stderr:\n${tail}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`child ${proc.pid}: no '${type}' within ${timeoutMs} ms. stderr:\n${tail}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        proc.off('message', onMessage);
        proc.off('exit', onExit);
      };
      proc.on('message', onMessage);
      proc.once('exit', onExit);
    });

  // Listened for from the start, so a quick child's first message is not missed;
  // children that never send one (bench/import-child.ts) just leave it unused.
  const first = next('ready');
  first.catch(() => undefined);
  return {
    pid: proc.pid ?? -1,
    first,
    next,
    ask(msg, reply, timeoutMs) {
      const answer = next(reply, timeoutMs);
      proc.send(msg);
      return answer;
    },
    async stop(timeoutMs = 10_000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      if (proc.connected) proc.send({ type: 'stop' });
      const timer = setTimeout(() => killGroup(proc), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
    stderrTail: () => tail,
  };
}
