// /triage [order] [skipped]: the owner's deck of unvetted contacts, one card at
// a time; each click replaces the card with the next. The core refuses anyone else.
import { handleCommand } from '../../../src/interactions.ts';
import { runCore } from '../run-core.ts';
import type { Command } from './command.ts';
import { defineCommand } from './define.ts';

export const triage = {
  data: defineCommand('triage')
    .addStringOption((o) =>
      o.setName('order').setDescription('Most recently connected first (the default), or by company').addChoices({ name: 'most recently connected', value: 'recent' }, { name: 'by company', value: 'company' }),
    )
    .addBooleanOption((o) => o.setName('skipped').setDescription('Bring back the contacts you skipped before'))
    .toJSON(),
  async execute(interaction, deps) {
    // The options become the words the core reads, as on Slack and the terminal.
    const words = [interaction.options.getString('order') ?? '', interaction.options.getBoolean('skipped') ? 'skipped' : ''].join(' ').trim();
    await runCore(interaction, deps, (ctx, actor) => handleCommand(ctx, actor, 'triage', words));
  },
} satisfies Command;
