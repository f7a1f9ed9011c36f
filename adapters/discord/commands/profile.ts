// /profile email:<address>: the member's address for email intros ("none" removes it).
import { handleCommand } from '../../../src/interactions.ts';
import { runCore } from '../run-core.ts';
import type { Command } from './command.ts';
import { defineCommand } from './define.ts';

export const profile = {
  data: defineCommand('profile')
    .addStringOption((o) => o.setName('email').setDescription('Your email for intros, or "none" to remove it').setRequired(false).setMaxLength(254))
    .toJSON(),
  async execute(interaction, deps) {
    const email = interaction.options.getString('email');
    await runCore(interaction, deps, (ctx, actor) => handleCommand(ctx, actor, 'profile', email === null ? '' : `email ${email}`));
  },
} satisfies Command;
