// /history member:<name>: a member's requests, declines and outcomes. The core answers only the owner.
import { handleCommand } from '../../../src/interactions.ts';
import { runCore } from '../run-core.ts';
import type { Command } from './command.ts';
import { defineCommand } from './define.ts';

export const history = {
  data: defineCommand('history')
    .addStringOption((o) => o.setName('member').setDescription("The member's name").setRequired(true).setMaxLength(200))
    .toJSON(),
  async execute(interaction, deps) {
    const name = interaction.options.getString('member') ?? '';
    await runCore(interaction, deps, (ctx, actor) => handleCommand(ctx, actor, 'history', name));
  },
} satisfies Command;
