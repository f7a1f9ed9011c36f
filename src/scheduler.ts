// Runs what is due: reminders, expiries and follow-ups. Each task is claimed and
// carried out in one transaction (claim, state change, event, outbox), so after
// a crash or a restart every due task still happens, and exactly once, even
// with two processes on the same database.
import type { Task } from './domain.ts';
import { type CoreContext, type IntroTransaction, type IntroWork, nowIso } from './context.ts';
import type { Logger } from './ports.ts';
import { messageKey } from './messages.ts';
import { updateOwnerCards } from './use-cases/owner-card.ts';
import { ownerRequestCard } from './views/cards.ts';
import { reminderCard, requesterNotice } from './views/delivery.ts';
import { expireOptin } from './use-cases/deliver-intro.ts';
import { sendFollowUp } from './use-cases/follow-up.ts';
import { contactLoad, requesterHistory } from './use-cases/submit-intro-request.ts';

function remindOwner(ctx: CoreContext<IntroWork>, requestId: number): boolean {
  const req = ctx.store.getRequest(requestId);
  // A request sent back for changes waits for the member, not the owner.
  if (!req || req.status !== 'pending' || req.changesRequestedAt) return false;
  const member = ctx.store.getMember(req.memberId);
  const contact = ctx.store.getContact(req.contactId);
  const ownerId = member ? ctx.policy.owners[member.platform] : undefined;
  if (!member || !contact || ownerId === undefined) return false;
  const at = nowIso(ctx);
  const days = Math.max(1, Math.round((Date.parse(at) - Date.parse(req.createdAt)) / 86_400_000));
  const card = ownerRequestCard(req, member, contact, requesterHistory(ctx, member, req.id), contactLoad(ctx, contact));
  ctx.store.enqueue({ dedupeKey: messageKey.request(req.id, 'reminder'), platform: member.platform, recipients: [ownerId], kind: 'owner.reminder', view: reminderCard(card, days), at });
  ctx.store.appendEvent({ at, actor: 'system', kind: 'request.reminded', requestId: req.id });
  return true;
}

function expireRequest(ctx: CoreContext<IntroWork>, requestId: number): boolean {
  const at = nowIso(ctx);
  if (!ctx.store.transitionRequest(requestId, ['pending'], 'expired', { at })) return false;
  const req = ctx.store.getRequest(requestId);
  const member = req ? ctx.store.getMember(req.memberId) : null;
  if (!req || !member) return false;
  const contactName = ctx.store.getContact(req.contactId)?.name ?? 'the contact';
  ctx.store.appendEvent({ at, actor: 'system', kind: 'request.expired', requestId, memberId: member.id, contactId: req.contactId });
  ctx.store.enqueue({ dedupeKey: messageKey.request(requestId, 'expired'), platform: member.platform, recipients: [member.userId], kind: 'member.expired', view: requesterNotice.expired(contactName, ctx.policy.ownerName), at });
  updateOwnerCards(ctx, requestId, 'expired');
  return true;
}

const HANDLERS: Record<Task['kind'], (ctx: CoreContext<IntroWork>, requestId: number) => boolean> = {
  remind_owner: remindOwner,
  expire_request: expireRequest,
  expire_optin: expireOptin,
  follow_up: (ctx, id) => sendFollowUp(ctx, id, false),
  follow_up_nudge: (ctx, id) => sendFollowUp(ctx, id, true),
};

/**
 * Carries out every due task; returns how many changed something. A task that
 * fails (its contact was removed meanwhile, say) is marked done and reported,
 * so it can never block the tasks behind it.
 */
export function runDueTasks(ctx: CoreContext<IntroTransaction>, limit = 100, onError: (task: Task, err: unknown) => void = () => {}): number {
  let acted = 0;
  for (const task of ctx.store.dueTasks(nowIso(ctx), limit)) {
    try {
      ctx.store.transaction(() => {
        // Another process may have claimed it since we listed it: then do nothing.
        if (!ctx.store.completeTask(task.id, nowIso(ctx))) return;
        if (HANDLERS[task.kind](ctx, task.requestId)) acted++;
      });
    } catch (err) {
      ctx.store.transaction(() => ctx.store.completeTask(task.id, nowIso(ctx)));
      onError(task, err);
    }
  }
  return acted;
}

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  constructor(
    private readonly ctx: CoreContext<IntroTransaction>,
    private readonly logger: Logger,
    private readonly afterRun: () => void = () => {},
  ) {}

  start(intervalMs = 60_000): void {
    const tick = () => {
      try {
        const failed = (task: Task, err: unknown) =>
          this.logger.warn({ taskId: task.id, kind: task.kind, requestId: task.requestId, reason: err instanceof Error ? err.message : String(err) }, 'a scheduled task failed and was skipped');
        if (runDueTasks(this.ctx, 100, failed) > 0) this.afterRun();
      } catch (err) {
        this.logger.error({ err }, 'scheduled tasks failed; will retry');
      }
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
