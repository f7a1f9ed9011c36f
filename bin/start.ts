// `npm start`: the bot on every configured platform, or the terminal demo when
// none is configured. Configuration is read once, here.
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '../src/config.ts';
import { DatabaseTooNewError } from '../db/migrate.ts';
import { runConsoleDemo } from '../adapters/console/main.ts';
import { runPlatforms } from './platforms.ts';

if (existsSync('.env')) process.loadEnvFile('.env');

try {
  const config = loadConfig();
  if (!config.slack && !config.discord) {
    await runConsoleDemo(config, process.stdin, process.stdout);
  } else {
    await runPlatforms(config);
  }
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`intro-broker cannot start; please fix your configuration (.env):\n${err.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  if (err instanceof DatabaseTooNewError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
