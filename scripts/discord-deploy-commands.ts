// `npm run discord:deploy-commands`: registers the bot's slash commands with
// Discord (in DISCORD_GUILD_ID when set, else globally). Run it once after
// setup and again whenever a command's definition changes. Reads the same
// `.env` as the bot (beside package.json, or --env-file).
import { ConfigError } from '../src/config.ts';
import { StartupError } from '../src/startup-error.ts';
import { deployCommands } from '../adapters/discord/deploy-commands.ts';
import { discordStartupError } from '../adapters/discord/startup-errors.ts';
import { appRoot, loadAppConfig, loadEnvFile } from '../bin/env.ts';

async function main(): Promise<number> {
  const root = appRoot();
  loadEnvFile(process.argv.slice(2), root);
  const { discord } = loadAppConfig(process.env, root);
  if (!discord) {
    process.stderr.write('Discord is not configured: set DISCORD_TOKEN, DISCORD_APPLICATION_ID and DISCORD_OWNER_ID in .env.\n');
    return 1;
  }
  const result = await deployCommands(discord).catch((err: unknown) => {
    throw discordStartupError(err, discord);
  });
  const where = result.scope === 'guild' ? `in guild ${discord.guildId ?? ''}` : 'globally (they can take up to an hour to appear)';
  process.stdout.write(`Registered ${result.names.map((n) => `/${n}`).join(', ')} ${where}.\n`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`Cannot register commands; please fix your configuration (.env):\n${err.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exitCode = 1;
  } else if (err instanceof StartupError) {
    process.stderr.write(`Cannot register commands: ${err.message}\n`);
    process.exitCode = 1;
  } else {
    throw err;
  }
}
