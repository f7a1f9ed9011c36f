// The product's nouns, as plain data. Nothing here knows a platform or a driver.

export type Platform = 'slack' | 'discord' | 'console';

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
  source: string;
  importKey: string | null;
  connectedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export type MemberStatus = 'member' | 'pending' | 'declined' | 'blocked';

export interface Member {
  id: number;
  platform: Platform;
  userId: string;
  displayName: string;
  status: MemberStatus;
  admissionNote: string | null;
  createdAt: string;
  updatedAt: string;
}

export type RequestStatus = 'pending' | 'approved' | 'declined' | 'withdrawn' | 'expired';
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

export interface IntroRequest extends IntroForm {
  id: number;
  memberId: number;
  contactId: number;
  status: RequestStatus;
  declineReason: DeclineReason | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
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
