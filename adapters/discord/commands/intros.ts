// /intros: a member's own requests; for the owner, what is waiting for them.
import { handleCommand } from '../../../src/interactions.ts';
import { runCore } from '../run-core.ts';
import type { Command } from './command.ts';
import { defineCommand } from './define.ts';

export const intros = {
  data: defineCommand('intros').toJSON(),
  async execute(interaction, deps) {
    await runCore(interaction, deps, (ctx, actor) => handleCommand(ctx, actor, 'intros', ''));
  },
} satisfies Command;
