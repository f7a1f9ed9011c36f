// Keeps dist/ (the compiled JavaScript that production runs) in step with the
// TypeScript sources: compiles when dist/ is missing or older than any source,
// so `npm install && npm start` works on a fresh clone. Plain JavaScript on
// purpose: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['src', 'db', 'adapters', 'bin', 'scripts'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json'];
const STAMP = '.build-stamp';

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Why dist/ must be (re)built, or undefined when it is current or there are no sources (a production image). */
export function staleReason(root = ROOT) {
  if (!existsSync(join(root, 'src'))) return undefined;
  const stamp = join(root, 'dist', STAMP);
  if (!existsSync(stamp)) return 'dist/ is missing';
  const built = statSync(stamp).mtimeMs;
  const dirs = SOURCE_DIRS.map((d) => join(root, d)).filter((d) => existsSync(d));
  const files = SOURCE_FILES.map((f) => join(root, f)).filter((f) => existsSync(f));
  const newest = Math.max(...dirs.map(newestSource), ...files.map((f) => statSync(f).mtimeMs));
  return newest > built ? 'the sources changed since the last build' : undefined;
}

function typescriptCompiler(root) {
  try {
    return createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    return undefined;
  }
}

/**
 * Compiles into a fresh folder and swaps it in, so a process starting at the
 * same moment never imports a half-written dist/. Output goes to stderr: the
 * CLI's stdout stays clean for pipes.
 */
export function build(root = ROOT) {
  const tsc = typescriptCompiler(root);
  if (!tsc) return { ok: false, message: 'TypeScript is not installed: run `npm install` (with dev dependencies), then `npm run build`.' };
  const tmp = join(root, `dist.tmp-${process.pid}`);
  const startedAt = new Date();
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', tmp], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    return { ok: false, message: 'The TypeScript build failed (see above); fix it or run `npm run dev` to run the sources through tsx.' };
  }
  // The stamp carries the time the compile started: a source saved during the compile still counts as newer.
  writeFileSync(join(tmp, STAMP), '');
  utimesSync(join(tmp, STAMP), startedAt, startedAt);
  const dist = join(root, 'dist');
  const old = join(root, `dist.old-${process.pid}`);
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(tmp, dist);
  rmSync(old, { recursive: true, force: true });
  return { ok: true };
}

/** Builds when needed; on failure prints one line and exits (a stale but present build still runs, with a warning). */
export function ensureBuilt(root = ROOT) {
  const reason = staleReason(root);
  if (!reason) return;
  process.stderr.write(`intro-broker: compiling to dist/ (${reason})…\n`);
  const result = build(root);
  if (result.ok) return;
  if (existsSync(join(root, 'dist', STAMP))) {
    process.stderr.write(`intro-broker: ${result.message} Running the previous build.\n`);
    return;
  }
  process.stderr.write(`intro-broker: ${result.message}\n`);
  process.exit(1);
}

// `node bin/build-if-stale.mjs [--force]`: what `npm run build` runs.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--force') || staleReason()) {
    const result = build();
    if (!result.ok) {
      process.stderr.write(`intro-broker: ${result.message}\n`);
      process.exit(1);
    }
  }
}
