// Where configuration comes from, for the bot and the CLI alike: `.env` beside
// package.json (or the file `--env-file` names), and a relative DATABASE_PATH
// resolved beside package.json too. So `intro-broker stats` from any folder
// reads the database the bot writes, instead of creating an empty one there.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { type Config, ConfigError, loadConfig } from '../src/config.ts';

/** The folder holding intro-broker's package.json, from bin/ in the sources or dist/bin/ once compiled. */
export function appRoot(from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'intro-broker') return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

/**
 * Takes `--env-file <path>` / `--env-file=<path>` out of argv (relative to the
 * current folder: the person typed it) and loads that file, else `.env` beside
 * package.json when there is one. Variables already set win over the file.
 */
export function loadEnvFile(argv: string[], root: string = appRoot()): string[] {
  const rest: string[] = [];
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--env-file') file = argv[++i] ?? '';
    else if (arg.startsWith('--env-file=')) file = arg.slice('--env-file='.length);
    else rest.push(arg);
  }
  if (file !== undefined) {
    if (file === '' || !existsSync(file)) throw new ConfigError([`--env-file: no such file "${file}"`]);
    process.loadEnvFile(file);
  } else if (existsSync(join(root, '.env'))) {
    process.loadEnvFile(join(root, '.env'));
  }
  return rest;
}

/** loadConfig, with a relative DATABASE_PATH taken as beside package.json rather than the current folder. */
export function loadAppConfig(env: Record<string, string | undefined> = process.env, root: string = appRoot()): Config {
  const config = loadConfig(env);
  if (config.databasePath !== ':memory:' && !isAbsolute(config.databasePath)) config.databasePath = resolve(root, config.databasePath);
  return config;
}
