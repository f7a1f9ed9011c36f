// Compiles entry points to plain JavaScript for the memory figures: the bot's
// RSS should not count tsx's loader (~32 MB) that `npm start` no longer needs
// once the project has a build. tsc without type checking (the suite does
// that), into a temporary folder inside node_modules/.cache, so that the
// compiled files still find the project's node_modules; removed at exit.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Compiles `entries` (paths from the project root) and what they import; returns the folder's URL. */
export function compileForBench(entries: string[]): URL {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'intro-broker-bench-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const options = ['--ignoreConfig', '--outDir', dir, '--rootDir', root, '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022'];
  execFileSync(process.execPath, [tsc, ...entries.map((e) => join(root, e)), ...options, '--rewriteRelativeImportExtensions', '--noCheck', '--skipLibCheck', '--types', 'node'], {
    timeout: 180_000,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Below node_modules, Node stops looking for the project's package.json: say it is ESM here.
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  return pathToFileURL(dir + '/');
}
