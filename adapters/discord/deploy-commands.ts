// Registers the slash commands with Discord: a bulk overwrite, so commands
// removed from the code disappear too. Guild commands (DISCORD_GUILD_ID) show
// up at once and suit development; global ones can take up to an hour.
import { REST, Routes } from 'discord.js';
import type { DiscordConfig } from '../../src/config.ts';
import { commands as allCommands, type Command } from './commands/index.ts';
import { restOptions } from './client.ts';

export interface DeployResult {
  scope: 'guild' | 'global';
  names: string[];
}

export async function deployCommands(
  config: Pick<DiscordConfig, 'token' | 'applicationId' | 'guildId' | 'guildIds' | 'apiUrl'>,
  commands: readonly Command[] = allCommands,
): Promise<DeployResult> {
  const rest = new REST(restOptions(config)).setToken(config.token);
  const body = { body: commands.map((c) => c.data) };
  if (!config.guildId) {
    const registered = (await rest.put(Routes.applicationCommands(config.applicationId), body)) as { name: string }[];
    return { scope: 'global', names: registered.map((c) => c.name) };
  }
  // Every server the bot serves (DISCORD_GUILD_ID may name several).
  let registered: { name: string }[] = [];
  for (const guildId of config.guildIds ?? [config.guildId]) {
    registered = (await rest.put(Routes.applicationGuildCommands(config.applicationId, guildId), body)) as { name: string }[];
  }
  return { scope: 'guild', names: registered.map((c) => c.name) };
}
