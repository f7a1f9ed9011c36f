// What `intro-broker import linkedin <file>` prints for a file, run in-process
// over a throwaway database: uploads must answer with the same lines.
import { PassThrough } from 'node:stream';
import { runCli } from '../../adapters/cli/main.ts';
import { tempDbPath, TestClock } from './core.ts';

export async function cliImportLines(file: string, shownAs: string): Promise<string[]> {
  const tmp = tempDbPath();
  const chunks: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (d: Buffer) => chunks.push(d.toString()));
  stderr.on('data', (d: Buffer) => chunks.push(d.toString()));
  try {
    await runCli(['--db', tmp.path, 'import', 'linkedin', file], { stdin: new PassThrough(), stdout, stderr }, {}, new TestClock());
    await new Promise((resolve) => setImmediate(resolve));
    return chunks.join('').replaceAll(file, shownAs).split('\n').filter(Boolean);
  } finally {
    tmp.cleanup();
  }
}
