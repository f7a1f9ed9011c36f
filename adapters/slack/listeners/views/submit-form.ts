// A submitted modal. Its answer IS the ack: errors shown next to the fields
// (Slack keeps what was typed), or a bare ack that closes the modal, after which
// the confirmation goes to the person as a DM. The core is quick (one SQLite
// transaction), well inside Slack's 3 s.
//
// A repeated submission of the same view (a retry, a double submit, even one
// arriving after the request was decided) finds the request the core already
// made by the view id. The confirmation ("your request is with the owner") is
// written to the outbox with the request, so a rate limit cannot lose it.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { handleSubmit, type Reply } from '../../../../src/interactions.ts';
import { describeError, SORRY, type SlackDeps } from '../../deps.ts';
import { postDm } from '../../dm.ts';
import { formActionOf, formOriginOf, type FormOrigin, renderMessage, renderModal } from '../../render.ts';
import type { View } from '../../../../src/views/view.ts';

export type SubmitArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** field id → typed text; each input's block_id and action_id are the field id. */
export function formValues(view: SubmitArgs['view']): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(view.state.values)) values[blockId] = actions[blockId]?.value ?? '';
  return values;
}

export function submitForm(deps: SlackDeps) {
  return async (args: SubmitArgs): Promise<void> => {
    const { body, view } = args;
    const actor = await deps.names.actor(args.client, body.user.id, body.user.name);
    let reply: Reply;
    try {
      reply = handleSubmit(deps.ctx, actor, formActionOf(view.private_metadata), formValues(view), { submissionId: view.id });
    } catch (err) {
      deps.logger.error({ ...describeError(err) }, 'slack form submit failed');
      // Keep the modal open with what was typed, so trying again is one click.
      const first = Object.keys(view.state.values)[0];
      await args.ack(first ? { response_action: 'errors', errors: { [first]: SORRY } } : undefined);
      return;
    }
    try {
      await acknowledge(args, deps, reply);
    } catch (err) {
      deps.logger.error({ ...describeError(err) }, 'slack form answer failed');
    } finally {
      deps.kick();
    }
  };
}

async function acknowledge(args: SubmitArgs, deps: SlackDeps, reply: Reply): Promise<void> {
  switch (reply.type) {
    case 'form_errors':
      return args.ack({ response_action: 'errors', errors: reply.errors });
    case 'form':
      return args.ack({ response_action: 'update', view: renderModal(reply.form) });
    case 'update': {
      await args.ack();
      const origin = formOriginOf(args.view.private_metadata);
      if (origin && deps.seen.add(`view:${args.view.id}`)) return replaceOrigin(args, deps, origin, reply.view);
      if (!origin && deps.seen.add(`view:${args.view.id}`)) await postDm(args.client, args.body.user.id, reply.view);
      return;
    }
    case 'form_done':
    case 'show':
      await args.ack();
      // A queued confirmation is the outbox's to send; a refusal (nothing changed) is answered here, once per view.
      if (reply.type === 'form_done' && reply.queued === true) return;
      if (deps.seen.add(`view:${args.view.id}`)) await postDm(args.client, args.body.user.id, reply.view);
  }
}

/** Replaces the message the form was opened from; if that fails, the answer still arrives as a DM. */
async function replaceOrigin(args: SubmitArgs, deps: SlackDeps, origin: FormOrigin, view: View): Promise<void> {
  try {
    if ('channel' in origin) {
      await args.client.chat.update({ channel: origin.channel, ts: origin.ts, ...renderMessage(view) });
      return;
    }
    const res = await fetch(origin.responseUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ replace_original: true, ...renderMessage(view) }) });
    if (!res.ok) throw new Error(`response_url answered ${res.status}`);
  } catch (err) {
    deps.logger.warn({ ...describeError(err) }, 'slack: could not replace the message a form came from; sending it as a DM');
    await postDm(args.client, args.body.user.id, view);
  }
}
