// SLACK_TEAM_ID: the one workspace the bot serves. Any request from another
// (a shared channel, an app installed elsewhere) is answered with a polite no
// before a listener sees it: no search, no form, nothing of the network.
import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import { outsiderNotice } from '../../src/views/notices.ts';
import type { SlackDeps } from './deps.ts';

type Body = Record<string, unknown> & { team_id?: unknown; team?: { id?: unknown } | null; user?: { team_id?: unknown } | null; view?: { state?: { values?: object } } };

/** The workspace a request comes from: slash commands and events carry team_id, interactions team.id (or the user's). */
export function teamOf(body: Body): string | undefined {
  const team = body.team_id ?? body.team?.id ?? body.user?.team_id;
  return typeof team === 'string' ? team : undefined;
}

export function registerTeamGate(app: App, deps: SlackDeps, teamId: string | undefined): void {
  if (!teamId) return;
  const gate: Middleware<AnyMiddlewareArgs> = async (args) => {
    const body = args.body as Body;
    const team = teamOf(body);
    if (team === undefined || team === teamId) return args.next();
    deps.logger.info({ team }, 'slack: refused a request from another workspace');
    const text = outsiderNotice(deps.ctx.policy.ownerName);
    const ack = 'ack' in args && typeof args.ack === 'function' ? (args.ack as (answer?: unknown) => Promise<void>) : undefined;
    if (body.type === 'view_submission') {
      // A modal answers with errors next to a field; the first one carries the refusal.
      const first = Object.keys(body.view?.state?.values ?? {})[0];
      return ack?.(first ? { response_action: 'errors', errors: { [first]: text } } : undefined);
    }
    if ('command' in body) return ack?.({ response_type: 'ephemeral', text });
    await ack?.();
    if ('respond' in args && typeof args.respond === 'function') await (args.respond as (m: object) => Promise<unknown>)({ response_type: 'ephemeral', replace_original: false, text });
  };
  app.use(gate);
}
