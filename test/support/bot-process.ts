// The real bot (`npm start`) as a child process in its own process group, so a
// test can kill it and everything it started at once (tsx runs the bot in a
// child of its own): nothing is left running after a test. The spawning,
// output capture and group kill are child.ts's; this adds the bot's command
// line and a kill that takes a signal (SIGTERM for a graceful stop).
import { join } from 'node:path';
import { killGroup, ROOT, spawnChild, type Child } from './child.ts';

const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

export interface BotProcess extends Child {
  /** Kills the whole process group and waits for the exit (no-op when it already ended). */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function startBotProcess(env: Record<string, string>): BotProcess {
  // An empty, closed stdin: the bot reads none.
  const child = spawnChild(process.execPath, [TSX, join(ROOT, 'bin/start.ts')], env, { input: '' });
  // Both streams in one, as the bot's log is read whole.
  const output = () => child.stdout() + child.stderr();
  return {
    ...child,
    stdout: output,
    stderr: output,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      killGroup(child.proc, signal);
      if (child.proc.exitCode === null && child.proc.signalCode === null) await child.exited;
    },
  };
}
