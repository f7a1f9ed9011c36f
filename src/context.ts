// What every use case receives: the store, the clock and the owner's policy.
import { type AccessPolicy, DEFAULT_TIMERS, type Limits, type Timers } from './config.ts';
import type { Actor, Member, Platform } from './domain.ts';
import { actorKey } from './domain.ts';
import { DomainError } from './errors.ts';
import type { Faults } from './faults.ts';
import type { Clock, ContactStore, MemberStore, MessagingStore, RequestStore, Store, Transactional } from './ports.ts';

/** What deciding who someone is needs (the open policy admits on the spot, with its event). */
export type Membership = Transactional & MemberStore & Pick<MessagingStore, 'appendEvent'>;

// Named store sets that several use cases share (see ports.ts for the areas).
/** One contact by id. */
export type ContactLookup = Pick<ContactStore, 'getContact'>;
/** A request and both its sides: the member who asked and the contact asked about. */
export type RequestLookup = ContactLookup & Pick<MemberStore, 'getMember'> & Pick<RequestStore, 'getRequest'>;
/** A change to the owner's contacts, with its event, in one transaction. */
export type ContactChange = Transactional & ContactStore & Pick<MessagingStore, 'appendEvent'>;
/** The request life cycle: read a request's sides, move it, log it, say so (outbox and timers). */
export type IntroWork = RequestLookup & RequestStore & MessagingStore;
/** The request life cycle as its own unit of work. */
export type IntroTransaction = Transactional & IntroWork;
/** What the owner's request card shows beside a request: the requester's history, the contact's load, whether the decision can still be undone. */
export type CardFigures = Pick<RequestStore, 'countContactLoad' | 'listRequests'> & Pick<MessagingStore, 'outboxState' | 'listEvents'>;

export interface Policy {
  accessPolicy: AccessPolicy;
  ownerName: string;
  limits: Limits;
  /** The owner's user id on each platform the bot runs on. */
  owners: Partial<Record<Platform, string>>;
  /** Reminder, expiry and follow-up delays; defaults apply to what is left out. */
  timers?: Partial<Timers>;
}

export const timersOf = (ctx: Pick<CoreContext, 'policy'>): Timers => ({ ...DEFAULT_TIMERS, ...ctx.policy.timers });

/** `S`: the store areas a use case needs (see ports.ts); the wiring hands over the whole Store. */
export interface CoreContext<S = Store> {
  store: S;
  clock: Clock;
  policy: Policy;
  /** Test-only crash points (see faults.ts); absent in normal runs. */
  faults?: Faults;
}

export type Role =
  | { kind: 'owner' }
  | { kind: 'member'; member: Member }
  | { kind: 'pending'; member: Member }
  | { kind: 'declined'; member: Member }
  | { kind: 'blocked'; member: Member }
  | { kind: 'stranger' };

export const nowIso = (ctx: Pick<CoreContext, 'clock'>): string => ctx.clock.now().toISOString();

export function daysFrom(ctx: Pick<CoreContext, 'clock'>, days: number): string {
  return new Date(ctx.clock.now().getTime() + days * 86_400_000).toISOString();
}

export function isOwner(ctx: Pick<CoreContext, 'policy'>, actor: Actor): boolean {
  const owner = ctx.policy.owners[actor.platform];
  return owner !== undefined && owner === actor.userId;
}

/** Who the actor is to this network. Under the `open` policy anyone not blocked is a member. */
export function roleOf(ctx: CoreContext<Membership>, actor: Actor): Role {
  if (isOwner(ctx, actor)) return { kind: 'owner' };
  const found = ctx.store.findMember(actor.platform, actor.userId);
  const member = found ? withCurrentName(ctx, actor, found) : null;
  if (member) {
    if (member.status !== 'member' && ctx.policy.accessPolicy === 'open' && member.status !== 'blocked') {
      return { kind: 'member', member: admitOpen(ctx, actor) };
    }
    return { kind: member.status, member };
  }
  if (ctx.policy.accessPolicy === 'open') return { kind: 'member', member: admitOpen(ctx, actor) };
  return { kind: 'stranger' };
}

/** People change their names: cards and intros use the one the platform gave last. */
function withCurrentName(ctx: CoreContext<Membership>, actor: Actor, member: Member): Member {
  const name = actor.displayName?.trim();
  if (!name || name === member.displayName) return member;
  return ctx.store.saveMember({ platform: member.platform, userId: member.userId, displayName: name, status: member.status, at: nowIso(ctx) });
}

function admitOpen(ctx: CoreContext<Membership>, actor: Actor): Member {
  return ctx.store.transaction(() => {
    const at = nowIso(ctx);
    const member = ctx.store.saveMember({ platform: actor.platform, userId: actor.userId, displayName: nameOf(actor), status: 'member', at });
    ctx.store.appendEvent({ at, actor: 'system', kind: 'member.admitted', memberId: member.id, data: { policy: 'open' } });
    return member;
  });
}

export function nameOf(actor: Actor): string {
  return actor.displayName?.trim() || actor.userId;
}

/** The member behind the actor, or a kind refusal that says what they can do. */
export function requireMember(ctx: CoreContext<Membership>, actor: Actor): Member {
  const role = roleOf(ctx, actor);
  switch (role.kind) {
    case 'member':
      return role.member;
    case 'owner':
      throw new DomainError('not_member', 'You own this network: your contacts are yours to introduce directly.');
    case 'pending':
      throw new DomainError('not_member', `Your request to join is waiting for ${ctx.policy.ownerName}. You'll hear back here.`);
    case 'declined':
    case 'blocked':
    case 'stranger':
      throw new DomainError('not_member', `Only members of ${ctx.policy.ownerName}'s network can do that.`);
  }
}

export function requireOwner(ctx: Pick<CoreContext, 'policy'>, actor: Actor): void {
  if (!isOwner(ctx, actor)) throw new DomainError('not_owner', `Only ${ctx.policy.ownerName} can do that.`);
}

export const who = actorKey;
