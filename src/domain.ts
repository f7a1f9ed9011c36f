// The product's nouns, as plain data. Nothing here knows a platform or a driver.

export const PLATFORMS = ['slack', 'discord', 'console'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Who is acting: a platform user, as the adapter saw them. */
export interface Actor {
  platform: Platform;
  userId: string;
  displayName?: string;
}

export type Strength = 'close' | 'known' | 'acquainted';
export const STRENGTHS: readonly Strength[] = ['close', 'known', 'acquainted'];

/** What a member may see of a contact. Private fields are not even in the type. */
export interface PublicContact {
  id: number;
  name: string;
  title: string | null;
  company: string | null;
  location: string | null;
  tags: string[];
  topics: string[];
  bio: string | null;
  strength: Strength;
}

/** The owner's full record, private fields included. Never handed to a member view. */
export interface Contact extends PublicContact {
  email: string | null;
  phone: string | null;
  linkedinUrl: string | null;
  notes: string | null;
  vetted: boolean;
  openToIntros: boolean;
  introCap: number | null;
  noOptin: boolean;
  slackUserId: string | null;
  discordUserId: string | null;
  consoleUserId: string | null;
  source: string;
  importKey: string | null;
  connectedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export const MEMBER_STATUSES = ['member', 'pending', 'declined', 'blocked'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export interface Member {
  id: number;
  platform: Platform;
  userId: string;
  displayName: string;
  status: MemberStatus;
  admissionNote: string | null;
  /** The member's own address for email intros (`/profile email ...`); shown to the owner only. */
  email?: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Where a request stands; 'closed' when its contact or its requester left the network while it was pending. */
export const REQUEST_STATUSES = ['pending', 'approved', 'declined', 'withdrawn', 'expired', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const OPEN_STATUSES: readonly RequestStatus[] = ['pending'];

export type DeclineReason = 'not_now' | 'dont_know_contact' | 'dont_know_you';
export const DECLINE_REASONS: Record<DeclineReason, string> = {
  not_now: 'Not now',
  dont_know_contact: "I don't know the contact well enough",
  dont_know_you: "I don't know you",
};

/** The three answers a requester gives. */
export interface IntroForm {
  howKnow: string;
  whyContact: string;
  blurb: string;
}

/** Where an approved request stands: the contact is asked first, then the intro is made. */
export const DELIVERY_STAGES = ['awaiting_contact', 'contact_declined', 'contact_expired', 'introduced'] as const;
export type DeliveryStage = (typeof DELIVERY_STAGES)[number];

// 'job' is stored as it always was and now reads "hired"; old rows stay readable.
export type Outcome = 'met' | 'useful' | 'opportunity' | 'job' | 'raised' | 'not_useful' | 'no_reply';
export const OUTCOMES: Record<Outcome, string> = {
  met: 'We met',
  useful: 'It was useful',
  opportunity: 'It led to an opportunity',
  job: 'I got hired',
  raised: 'We raised money',
  not_useful: "It wasn't useful",
  no_reply: 'No reply yet',
};
/** Outcomes that are news worth telling the owner. */
export const GOOD_OUTCOMES: readonly Outcome[] = ['opportunity', 'job', 'raised'];

export const TASK_KINDS = ['remind_owner', 'expire_request', 'expire_optin', 'follow_up', 'follow_up_nudge'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export interface Task {
  id: number;
  kind: TaskKind;
  requestId: number;
  dueAt: string;
}

/** What carried a request through the quality gate, shown to the owner. */
export interface GateSignals {
  history: string;
  ask: string;
}

/** Who started an intro: a member's request, or the owner introducing someone himself (/introduce). */
export type IntroOrigin = 'member' | 'owner';

/** The second opt-in side of an owner's intro: the person introduced to the contact. */
export type PersonStage = 'awaiting' | 'yes' | 'no';

export interface IntroRequest extends IntroForm {
  id: number;
  /** Null for requests made before the gate recorded its reasons. */
  gateSignals: GateSignals | null;
  memberId: number;
  contactId: number;
  status: RequestStatus;
  declineReason: DeclineReason | null;
  decidedBy: string | null;
  decidedAt: string | null;
  stage: DeliveryStage | null;
  outcome: Outcome | null;
  introducedAt: string | null;
  /** The owner's note when he sent the request back for changes; set until the member resubmits. */
  changesNote?: string | null;
  changesRequestedAt?: string | null;
  /** The intro text as the owner edited it; null: the drafted text is used. */
  introText?: string | null;
  createdAt: string;
  updatedAt: string;
  /** 'owner' for an intro the owner started; then `memberId` is the person introduced, or the owner's own row for someone outside the network (`personName`, `personEmail`). */
  origin?: IntroOrigin;
  personName?: string | null;
  personEmail?: string | null;
  personStage?: PersonStage | null;
  /** When the contact said yes while the other side had not answered yet (owner intros). */
  contactYesAt?: string | null;
}

export interface EventRecord {
  id: number;
  at: string;
  actor: string;
  kind: string;
  requestId: number | null;
  memberId: number | null;
  contactId: number | null;
  data: Record<string, unknown>;
}

export function actorKey(actor: Actor): string {
  return `${actor.platform}:${actor.userId}`;
}

/** The contact's own account on a platform, when they are on it too. */
export function chatIdentity(contact: Contact, platform: Platform): string | null {
  return { slack: contact.slackUserId, discord: contact.discordUserId, console: contact.consoleUserId }[platform];
}
