// /introduce contact:<words>: the owner finds one of his contacts to introduce someone to.
// Anyone may run it; the core answers only the owner.
import { handleCommand } from '../../../src/interactions.ts';
import { runCore } from '../run-core.ts';
import type { Command } from './command.ts';
import { defineCommand } from './define.ts';

export const introduce = {
  data: defineCommand('introduce')
    .addStringOption((o) => o.setName('contact').setDescription("The contact's name, company, email or a note").setRequired(false).setMaxLength(200))
    .toJSON(),
  async execute(interaction, deps) {
    const query = interaction.options.getString('contact') ?? '';
    await runCore(interaction, deps, (ctx, actor) => handleCommand(ctx, actor, 'introduce', query));
  },
} satisfies Command;
