// Every command is usable in a server and in the bot's DMs, and is described
// with the core's own words (src/interactions.ts COMMANDS), cut to Discord's 100.
import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { COMMANDS, type CommandName } from '../../../src/interactions.ts';
import { clip } from '../text.ts';

export function defineCommand(name: CommandName): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(clip(COMMANDS[name], 100))
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM);
}
