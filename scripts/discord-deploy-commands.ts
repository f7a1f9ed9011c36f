// `npm run discord:deploy-commands`: registers the bot's slash commands with
// Discord (in DISCORD_GUILD_ID when set, else globally). Run it once after
// setup and again whenever a command's definition changes.
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '../src/config.ts';
import { deployCommands } from '../adapters/discord/deploy-commands.ts';

if (existsSync('.env')) process.loadEnvFile('.env');

try {
  const { discord } = loadConfig();
  if (!discord) {
    process.stderr.write('Discord is not configured: set DISCORD_TOKEN, DISCORD_APPLICATION_ID and DISCORD_OWNER_ID in .env.\n');
    process.exit(1);
  }
  const result = await deployCommands(discord);
  const where = result.scope === 'guild' ? `in guild ${discord.guildId ?? ''}` : 'globally (they can take up to an hour to appear)';
  process.stdout.write(`Registered ${result.names.map((n) => `/${n}`).join(', ')} ${where}.\n`);
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`Cannot register commands; please fix your configuration (.env):\n${err.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  throw err;
}
