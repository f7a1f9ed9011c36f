// One interaction, start to finish: ask the core, answer Discord at once, then
// deliver what the interaction queued and say so if someone's DMs are closed.
import { MessageFlags } from 'discord.js';
import type { CoreContext } from '../../src/context.ts';
import type { Actor } from '../../src/domain.ts';
import type { Reply } from '../../src/interactions.ts';
import { actorOf, describeError, type DiscordDeps } from './deps.ts';
import { answer, type CoreInteraction } from './respond.ts';
import { NO_MENTIONS } from './text.ts';
import { watchOutbox } from './watch-outbox.ts';

export async function runCore(interaction: CoreInteraction, deps: DiscordDeps, call: (ctx: CoreContext, actor: Actor) => Reply): Promise<void> {
  const watched = watchOutbox(deps.ctx);
  const reply = call(watched.ctx, actorOf(interaction.user));
  let answered = false;
  try {
    await answer(interaction, reply);
    answered = true;
  } finally {
    // What the core committed is delivered now even if answering Discord failed
    // (a lost answer that discord.js retried into 40060, a late 10062).
    const recipients = watched.recipients();
    if (recipients.length > 0) await deliverNow(interaction, deps, recipients, answered);
  }
}

/**
 * Runs an outbox pass now rather than at the next poll, so the owner's card or
 * the requester's notice arrives within a second. A pass already in flight is
 * shared (Dispatcher.runOnce); if it claimed its batch before this interaction
 * queued, the message goes at the next poll and no DM warning is shown now.
 */
async function deliverNow(interaction: CoreInteraction, deps: DiscordDeps, recipients: string[], answered: boolean): Promise<void> {
  try {
    await deps.outbox.runOnce();
  } catch (err) {
    deps.logger.error(describeError(err), 'discord: outbox pass failed');
    return;
  }
  const closed = recipients.filter((id) => deps.dms.isClosed(id));
  if (closed.length === 0 || !answered) return; // a follow-up needs an answered interaction
  try {
    await interaction.followUp({ content: closedDmsText(closed), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  } catch (err) {
    deps.logger.warn(describeError(err), 'discord: could not tell the user about closed DMs');
  }
}

export function closedDmsText(userIds: string[]): string {
  // A user mention renders as their name; NO_MENTIONS keeps it from pinging them.
  const who = userIds.map((id) => (/^\d{1,20}$/.test(id) ? `<@${id}>` : 'someone')).join(', ');
  return `I couldn't send ${who} a direct message: their DMs are closed to this bot. The message is kept and will be delivered once they open their DMs.`;
}
