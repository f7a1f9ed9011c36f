// /stats: the network's figures. Anyone may run it; the core answers only the owner.
import { handleCommand } from '../../../src/interactions.ts';
import { runCore } from '../run-core.ts';
import type { Command } from './command.ts';
import { defineCommand } from './define.ts';

export const stats = {
  data: defineCommand('stats').toJSON(),
  async execute(interaction, deps) {
    await runCore(interaction, deps, (ctx, actor) => handleCommand(ctx, actor, 'stats', ''));
  },
} satisfies Command;
