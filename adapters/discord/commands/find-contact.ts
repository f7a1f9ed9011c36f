// /find-contact query:<words>, with suggestions as the member types.
import { handleCommand, handleSuggest } from '../../../src/interactions.ts';
import { actorOf } from '../deps.ts';
import { runCore } from '../run-core.ts';
import { clip } from '../text.ts';
import type { Command } from './command.ts';
import { defineCommand } from './define.ts';

const MAX_QUERY = 200;
const MAX_CHOICES = 25; // Discord's limit
const CHOICE_LENGTH = 100; // Discord's limit for a choice's name and value

export const findContact = {
  data: defineCommand('find-contact')
    .addStringOption((o) =>
      o.setName('query').setDescription('A name, company, role, place or topic').setRequired(true).setMaxLength(MAX_QUERY).setAutocomplete(true),
    )
    .toJSON(),

  async execute(interaction, deps) {
    const query = interaction.options.getString('query') ?? '';
    await runCore(interaction, deps, (ctx, actor) => handleCommand(ctx, actor, 'find-contact', query));
  },

  /** Members get names and companies; anyone else an empty list (the core decides). */
  async autocomplete(interaction, deps) {
    const typed = interaction.options.getFocused();
    const choices = handleSuggest(deps.ctx, actorOf(interaction.user), 'find-contact', typed)
      .slice(0, MAX_CHOICES)
      .map((s) => ({ name: clip(s.label, CHOICE_LENGTH), value: s.value.slice(0, CHOICE_LENGTH) }));
    await interaction.respond(choices);
  },
} satisfies Command;
