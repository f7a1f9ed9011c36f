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
  config: Pick<DiscordConfig, 'token' | 'applicationId' | 'guildId' | 'apiUrl'>,
  commands: readonly Command[] = allCommands,
): Promise<DeployResult> {
  const rest = new REST(restOptions(config)).setToken(config.token);
  const route = config.guildId ? Routes.applicationGuildCommands(config.applicationId, config.guildId) : Routes.applicationCommands(config.applicationId);
  const registered = (await rest.put(route, { body: commands.map((c) => c.data) })) as { name: string }[];
  return { scope: config.guildId ? 'guild' : 'global', names: registered.map((c) => c.name) };
}
