// `intro-broker …` / `npm run cli -- …`: the owner's command line. It reads the
// same `.env` and the same database as the bot, from whatever folder it runs in.
import { isAbsolute, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../src/config.ts';
import { runCli } from '../adapters/cli/main.ts';
import { appRoot, loadEnvFile } from './env.ts';

// `stats | head -1`: the reader is gone, which is no error of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const root = appRoot();
let argv: string[];
try {
  argv = loadEnvFile(process.argv.slice(2), root);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(2);
}
// A relative DATABASE_PATH (and the default) is beside package.json, as for the bot; --db is relative to here.
const env = { ...process.env };
const configured = env.DATABASE_PATH?.trim() ? env.DATABASE_PATH : loadConfig({}).databasePath;
if (configured !== ':memory:' && !isAbsolute(configured)) env.DATABASE_PATH = resolve(root, configured);
process.exitCode = await runCli(argv, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }, env);
