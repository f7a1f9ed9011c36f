// Messages the core asks to send, as plain data. Every message goes through the
// outbox: written in the same transaction as the change that caused it, then
// delivered by the Dispatcher. Its life cycle: pending → sent | failed. A
// message may also EDIT an earlier one (the owner's request card, once the
// request is settled): it waits until the earlier one is sent, then replaces
// it in place through the platform reference stored with it.

/** Every kind of message, closed: a new kind is one entry here. */
export const MESSAGE_KINDS = [
  'owner.request_card',
  'owner.reminder',
  'owner.admission_card',
  'owner.optin_email',
  'owner.intro_email',
  'owner.good_news',
  'owner.delivery_failed',
  'owner.card_update',
  'owner.triage_card',
  'owner.notice',
  'owner.person_optin_email',
  'member.request_sent',
  'member.decision_notice',
  'member.request_closed',
  'member.expired',
  'member.introduced',
  'member.contact_declined',
  'member.follow_up',
  'member.admission_decision',
  'member.changes_requested',
  'member.decision_reopened',
  'contact.optin',
  'person.optin',
  'intro.group',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Dedupe keys, from one place. A repeated enqueue with the same key is a no-op,
 * so a retried handler never doubles a message. Keys about a request start with
 * `request:<id>:` (removing a contact finds its messages by that prefix).
 */
export const messageKey = {
  request: (requestId: number, what: string): string => `request:${requestId}:${what}`,
  admission: (memberId: number, what: string, at: string): string => `admission:${memberId}:${what}:${at}`,
  /** A Slack modal submit: one confirmation per view, however often it is submitted. */
  view: (platform: string, viewId: string): string => `view:${platform}:${viewId}`,
  /** The first card of a triage deck the owner opened at `at`. */
  triage: (platform: string, userId: string, at: string): string => `triage:${platform}:${userId}:${at}`,
  /** An edit of the message with dedupe key `target`, for one reason (each edit is made once). */
  edit: (target: string, reason: string): string => `${target}:edit:${reason}`,
} as const;

/** The owner's cards about one request that carry buttons, which a settled request must replace. */
export const ownerCardKeys = (requestId: number): string[] => [messageKey.request(requestId, 'owner_card'), messageKey.request(requestId, 'reminder')];
