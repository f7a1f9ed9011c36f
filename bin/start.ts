// `npm start` (compiled, via bin/launch.mjs) and `npm run dev` (tsx): the bot on
// every configured platform, or the terminal demo when none is configured.
// Configuration is read once, here. A problem the self-hoster must fix ends
// the process with one line naming what to change; the trace goes to the
// debug log only (LOG_LEVEL=debug).
import { ConfigError } from '../src/config.ts';
import { StartupError } from '../src/startup-error.ts';
import { BotLockedError } from '../db/bot-lock.ts';
import { DatabaseTooNewError } from '../db/migrate.ts';
import { DatabaseUnavailableError } from '../db/open.ts';
import { runConsoleDemo } from '../adapters/console/main.ts';
import { appRoot, loadAppConfig, loadEnvFile } from './env.ts';
import { createLogger } from './logger.ts';
import { runPlatforms } from './platforms.ts';

const KNOWN = [StartupError, BotLockedError, DatabaseTooNewError, DatabaseUnavailableError];

async function main(): Promise<number> {
  const root = appRoot();
  let logger;
  try {
    loadEnvFile(process.argv.slice(2), root);
    const config = loadAppConfig(process.env, root);
    if (!config.slack && !config.discord) {
      await runConsoleDemo(config, process.stdin, process.stdout);
      return 0;
    }
    logger = createLogger(config.logLevel);
    await runPlatforms(config, logger);
    return 0;
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`intro-broker cannot start; please fix your configuration (.env):\n${err.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      return 1;
    }
    if (KNOWN.some((k) => err instanceof k)) {
      logger?.debug({ err: (err as Error).cause ?? err }, 'start-up failed');
      process.stderr.write(`intro-broker cannot start: ${(err as Error).message}\n`);
      return 1;
    }
    throw err;
  }
}

const code = await main();
// Exit now: a library may keep a timer or socket open after a failed start or a stop.
process.exit(code);
