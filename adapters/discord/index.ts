// What bin/platforms.ts uses. One Dispatcher delivers every platform's outbox;
// the bot's messenger is its 'discord' lane, and the bot runs that Dispatcher
// after each interaction that queued something. The bot is built first (its
// messenger sends through the bot's client) and reaches the Dispatcher only
// when an interaction arrives, so a forwarding object is enough:
//
//   const outbox = { runOnce: () => dispatcher.runOnce() };
//   const discord = createDiscordBot({ config: config.discord, ctx, logger, dispatcher: outbox });
//   messengers.discord = discord.messenger;
//   const dispatcher = new Dispatcher({ store, clock, logger, messengers });
//   await discord.start();
//   dispatcher.start();
//   // on shutdown: await dispatcher.stop(); await discord.stop();
//
// ctx.policy.owners.discord must be config.discord.ownerId (createDiscordBot checks).
export { createDiscordBot, restOptions, REST_PATIENCE, type DiscordBot, type DiscordBotOptions } from './client.ts';
export { createDiscordMessenger, DMS_CLOSED_RETRY_MS, type DiscordMessenger } from './messenger.ts';
export { deployCommands, type DeployResult } from './deploy-commands.ts';
export { commands, commandRegistry, type Command } from './commands/index.ts';
export { createInteractionHandler } from './interaction-handler.ts';
