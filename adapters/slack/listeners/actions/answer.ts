// Puts the core's Reply to a click where the clicker will see it.
//
// - 'form': views.open with the click's trigger_id (single-use, valid 3 s).
// - 'update' of a bot message (the owner's DM card): chat.update in place, so
//   the old buttons are gone; an ephemeral message can only be replaced through
//   its response_url.
// - 'show': an ephemeral reply through response_url. Chosen over
//   chat.postEphemeral because it works wherever the button was (a DM with the
//   bot, a channel the bot was never invited to, an ephemeral message) and needs
//   no channel membership or extra scope.
// - on the Home tab there is no response_url: the home is published again with
//   the answer on top.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Actor } from '../../../../src/domain.ts';
import type { Reply } from '../../../../src/interactions.ts';
import type { View } from '../../../../src/views/view.ts';
import { describeError, type SlackDeps } from '../../deps.ts';
import { publishHome } from '../../home.ts';
import { type FormOrigin, renderMessage, renderModal } from '../../render.ts';
import type { Surface } from './surface.ts';

export type ActionArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export async function answer(args: ActionArgs, deps: SlackDeps, actor: Actor, surface: Surface, reply: Reply): Promise<void> {
  switch (reply.type) {
    case 'form':
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: renderModal(reply.form, originOf(args, surface)) });
      return;
    case 'update':
      return replace(args, deps, actor, surface, reply.view);
    case 'show':
    case 'form_done':
      return show(args, deps, actor, surface, reply.view);
    case 'form_errors':
      // Only a modal submit bounces; a click never should. Reopen the form to stay useful.
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: renderModal(reply.form) });
      return;
  }
}

/** Where the clicked button was, for a form whose answer replaces that message. */
function originOf(args: ActionArgs, surface: Surface): FormOrigin | undefined {
  if (surface.kind === 'message') return { channel: surface.channel, ts: surface.ts };
  const url = (args.body as { response_url?: unknown }).response_url;
  return surface.kind === 'ephemeral' && typeof url === 'string' ? { responseUrl: url } : undefined;
}

export async function show(args: ActionArgs, deps: SlackDeps, actor: Actor, surface: Surface, view: View): Promise<void> {
  if (surface.kind === 'home') return publishHome(args.client, deps, actor, view);
  await args.respond({ response_type: 'ephemeral', replace_original: false, ...renderMessage(view) });
}

async function replace(args: ActionArgs, deps: SlackDeps, actor: Actor, surface: Surface, view: View): Promise<void> {
  if (surface.kind === 'home') return publishHome(args.client, deps, actor, view);
  if (surface.kind !== 'message') {
    await args.respond({ replace_original: true, ...renderMessage(view) });
    return;
  }
  try {
    await args.client.chat.update({ channel: surface.channel, ts: surface.ts, ...renderMessage(view) });
  } catch (err) {
    // The decision is already made; if the card can't be edited, the clicker still sees the outcome.
    deps.logger.warn({ ...describeError(err) }, 'slack chat.update failed; answering ephemerally');
    await show(args, deps, actor, surface, view);
  }
}
