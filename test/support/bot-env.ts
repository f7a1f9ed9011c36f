// An env file for a bot child process (passed with --env-file, so a developer's
// own .env beside package.json is never read by tests), and the CLI as a child.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, spawnChild } from './child.ts';

export function writeEnvFile(file: string, vars: Record<string, string>): string {
  writeFileSync(file, Object.entries(vars).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
  return file;
}

/** The installed `intro-broker` command (bin/intro-broker.mjs), run to its end. */
export async function cliRun(args: string[], opts: { cwd?: string; env?: Record<string, string>; bin?: string } = {}) {
  const child = spawnChild(process.execPath, [opts.bin ?? join(ROOT, 'bin/intro-broker.mjs'), ...args], opts.env ?? {}, { cwd: opts.cwd ?? ROOT });
  const { code } = await child.exited;
  return { code, stdout: child.stdout(), stderr: child.stderr() };
}

/** GET /healthz. */
export async function healthz(port: number): Promise<{ status: number; body: { status: string; database: string; platforms: Record<string, string> } }> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string; database: string; platforms: Record<string, string> } };
}

/** No line of a Node stack trace. */
export const NO_TRACE = /\n\s+at [\w.<>]+ \(|\n\s+at (file|node):/;
