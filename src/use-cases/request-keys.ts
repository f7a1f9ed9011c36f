// Dedupe keys of a request's messages and timers. A decision can be undone
// (undo-decision.ts) and made again; the second decision's messages must not
// be mistaken for the first's, so keys of what a decision causes carry the
// round: "request:7:decision" the first time, "request:7:decision:r1" after
// one undo. Everything before the first undo keeps the keys it always had.
import type { CoreContext } from '../context.ts';
import type { MessagingStore } from '../ports.ts';
import { messageKey } from '../messages.ts';

export const REOPENED_EVENT = 'request.reopened';

export function decisionRound(ctx: CoreContext<Pick<MessagingStore, 'listEvents'>>, requestId: number): number {
  return ctx.store.listEvents({ requestId }).filter((e) => e.kind === REOPENED_EVENT).length;
}

export function roundKey(ctx: CoreContext<Pick<MessagingStore, 'listEvents'>>, requestId: number, name: string): string {
  const round = decisionRound(ctx, requestId);
  return messageKey.request(requestId, `${name}${round > 0 ? `:r${round}` : ''}`);
}

