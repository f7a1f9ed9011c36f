// Every slash command works the same way: ack within Slack's 3 s, ask the core,
// answer ephemerally through the command's response_url (only the asker sees it).
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { type CommandName, handleCommand } from '../../../../src/interactions.ts';
import { describeError, SORRY, type SlackDeps } from '../../deps.ts';
import { renderMessage } from '../../render.ts';

export type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

export function runCommand(name: CommandName, deps: SlackDeps) {
  return async ({ ack, command, respond, client }: CommandArgs): Promise<void> => {
    await ack();
    try {
      // user_name is the deprecated handle: the real name comes from users.info.
      const actor = await deps.names.actor(client, command.user_id, command.user_name);
      const reply = handleCommand(deps.ctx, actor, name, command.text);
      // The core answers commands with a view to show; a form here would be a core bug.
      if (!('view' in reply)) throw new Error(`command answered with ${reply.type}`);
      await respond({ response_type: 'ephemeral', ...renderMessage(reply.view) });
    } catch (err) {
      deps.logger.error({ command: name, ...describeError(err) }, 'slack command failed');
      await respond({ response_type: 'ephemeral', text: SORRY }).catch(() => undefined);
    } finally {
      // A command may queue a DM (the triage deck's first card): send it now.
      deps.kick();
    }
  };
}
