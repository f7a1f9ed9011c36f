// Turns what discord.js throws at login or when registering commands into one
// line that names the variable to fix. Anything unrecognised is passed on.
import type { DiscordConfig } from '../../src/config.ts';
import { NETWORK_CODES, networkCode, StartupError } from '../../src/startup-error.ts';

const TOKEN_HELP = 'copy the bot token from the Developer Portal → your application → Bot → Reset Token';

export function discordStartupError(err: unknown, config: Pick<DiscordConfig, 'apiUrl' | 'guildId'>): unknown {
  const e = err as { code?: unknown; status?: unknown };
  if (e?.code === 'TokenInvalid' || e?.status === 401) {
    return new StartupError(`DISCORD_TOKEN: Discord refused the bot token (401 Unauthorized); ${TOKEN_HELP}.`, err);
  }
  if (e?.code === 'DisallowedIntents') {
    return new StartupError('DISCORD_TOKEN: Discord refused the gateway intents for this bot; check the bot\'s settings in the Developer Portal.', err);
  }
  if (e?.status === 403 && config.guildId) {
    return new StartupError('DISCORD_GUILD_ID: the bot may not register commands in that server (403); invite it with the bot and applications.commands scopes, or check the id.', err);
  }
  if (e?.status === 403 || e?.status === 404) {
    return new StartupError(`DISCORD_APPLICATION_ID: Discord does not know this application for this token (${String(e.status)}); copy the Application ID from General Information.`, err);
  }
  const net = networkCode(err);
  if (net !== undefined && NETWORK_CODES.has(net)) {
    const where = config.apiUrl ?? 'https://discord.com/api';
    const hint = config.apiUrl ? 'check DISCORD_API_URL' : 'check this machine\'s network and DNS (or DISCORD_API_URL, if you go through a proxy)';
    return new StartupError(`DISCORD_API_URL: cannot reach Discord at ${where} (${net}); ${hint}.`, err);
  }
  return err;
}
