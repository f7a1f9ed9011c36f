// Every way Discord reaches the bot, in one place: slash commands and their
// autocomplete, button clicks, modal submits. Each is translated into one of
// the core's entry points (src/interactions.ts); no product rule lives here.
import { ComponentType, DiscordAPIError, MessageFlags, RESTJSONErrorCodes, type Interaction, type ModalSubmitInteraction } from 'discord.js';
import { handleAction, handleCommand, handleSubmit } from '../../src/interactions.ts';
import { outsiderNotice } from '../../src/views/notices.ts';
import { commandRegistry, type CommandRegistry } from './commands/index.ts';
import { describeError, SORRY, type DiscordDeps } from './deps.ts';
import { runCore } from './run-core.ts';
import { NO_MENTIONS } from './text.ts';

export type InteractionHandler = (interaction: Interaction) => Promise<void>;

/** The listener for Events.InteractionCreate. It never rejects: failures are logged and apologised for. */
export function createInteractionHandler(deps: DiscordDeps, registry: CommandRegistry = commandRegistry()): InteractionHandler {
  return async (interaction) => {
    try {
      await route(interaction, deps, registry);
    } catch (err) {
      if (isUnanswerable(err)) {
        // Nothing failed on our side that an apology could mend: see isUnanswerable.
        deps.logger.warn({ ...describeError(err), interactionType: interaction.type }, 'discord: interaction could not be answered');
        return;
      }
      deps.logger.error({ ...describeError(err), interactionType: interaction.type }, 'discord: interaction failed');
      await apologise(interaction).catch((again: unknown) => deps.logger.warn(describeError(again), 'discord: could not tell the user about a failure'));
    }
  };
}

/**
 * 40060: the interaction was already acknowledged. discord.js does not send a
 * second answer itself, so this is its retry of an answer that reached Discord
 * but whose reply was lost (a timeout or a 5xx): the user saw our answer.
 * 10062: the interaction is gone (answered too late). Either way another
 * answer (the apology) would fail the same way.
 */
function isUnanswerable(err: unknown): boolean {
  return (
    err instanceof DiscordAPIError &&
    (err.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged || err.code === RESTJSONErrorCodes.UnknownInteraction)
  );
}

async function route(interaction: Interaction, deps: DiscordDeps, registry: CommandRegistry): Promise<void> {
  if (deps.gate && !(await deps.gate.allows(interaction.user.id, interaction.guildId))) return refuse(interaction, deps);
  if (interaction.isAutocomplete()) {
    const command = registry.get(interaction.commandName);
    if (command?.autocomplete) await command.autocomplete(interaction, deps);
    else await interaction.respond([]);
  } else if (interaction.isChatInputCommand()) {
    const command = registry.get(interaction.commandName);
    // A command registered earlier but gone from the code: the core explains what exists.
    if (command) await command.execute(interaction, deps);
    else await runCore(interaction, deps, (ctx, actor) => handleCommand(ctx, actor, interaction.commandName, ''));
  } else if (interaction.isButton()) {
    await runCore(interaction, deps, (ctx, actor) => handleAction(ctx, actor, interaction.customId));
  } else if (interaction.isModalSubmit()) {
    await runCore(interaction, deps, (ctx, actor) => handleSubmit(ctx, actor, interaction.customId, formValues(interaction)));
  }
  // Anything else (select menus, context menus) is not ours: no answer, as Discord expects.
}

/** Someone from outside the owner's servers: a polite no, and nothing of the network. */
async function refuse(interaction: Interaction, deps: DiscordDeps): Promise<void> {
  deps.logger.info({ interactionType: interaction.type, guild: interaction.guildId ?? 'dm' }, 'discord: refused an interaction from outside the configured servers');
  if (interaction.isAutocomplete()) return interaction.respond([]);
  if (!interaction.isRepliable()) return;
  await interaction.reply({ content: outsiderNotice(deps.ctx.policy.ownerName), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

function formValues(interaction: ModalSubmitInteraction): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [id, field] of interaction.fields.fields) {
    if (field.type === ComponentType.TextInput) values[id] = field.value;
  }
  return values;
}

async function apologise(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  const body = { content: SORRY, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS } as const;
  if (interaction.replied || interaction.deferred) await interaction.followUp(body);
  else await interaction.reply(body);
}
