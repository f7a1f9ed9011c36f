// Turns the core's Reply into the one initial response Discord allows. Every
// call here is the first answer to its interaction and happens at once: the
// core is synchronous, so nothing is deferred, and a modal (which cannot follow
// a defer) is always shown first thing.
import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { Reply } from '../../src/interactions.ts';
import { message } from '../../src/views/notices.ts';
import type { View } from '../../src/views/view.ts';
import { formErrorsView } from './form-errors.ts';
import { renderModal } from './modal.ts';
import { renderView } from './render.ts';
import { NO_MENTIONS } from './text.ts';

export type CoreInteraction = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/** An ephemeral reply (only the person who acted sees it) that pings no one. */
export function ephemeral(view: View) {
  return { ...renderView(view), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS } as const;
}

export async function answer(interaction: CoreInteraction, reply: Reply): Promise<void> {
  switch (reply.type) {
    case 'show':
    case 'form_done':
      await interaction.reply(ephemeral(reply.view));
      return;
    case 'update':
      // Replaces the clicked card in place (buttons included), so it cannot be clicked twice.
      // A form opened from a card's button (the triage deck's Tag) replaces that card too.
      if (interaction.isButton()) await interaction.update({ ...renderView(reply.view), allowedMentions: NO_MENTIONS });
      else if (interaction.isModalSubmit() && interaction.isFromMessage()) await interaction.update({ ...renderView(reply.view), allowedMentions: NO_MENTIONS });
      else await interaction.reply(ephemeral(reply.view));
      return;
    case 'form':
      // Discord refuses a modal in answer to a modal submit; the core never asks for one there.
      if (interaction.isModalSubmit()) await interaction.reply(ephemeral(message('Please click the button again to open the form.')));
      else await interaction.showModal(renderModal(reply.form));
      return;
    case 'form_errors':
      await interaction.reply(ephemeral(formErrorsView(reply.form, reply.errors)));
      return;
    default: {
      // A new kind of Reply must be mapped here consciously; this stops the build until it is.
      const unmapped: never = reply;
      throw new Error(`unmapped reply ${String((unmapped as { type?: unknown }).type)}`);
    }
  }
}
