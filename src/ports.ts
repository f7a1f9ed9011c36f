// The ports the core owns. db/ implements Store; adapters implement Messenger.
// The store is synchronous on purpose: SQLite is embedded, and a synchronous
// transaction cannot interleave with another handler's half-done work.
import type {
  Contact,
  DeclineReason,
  DeliveryStage,
  EventRecord,
  GateSignals,
  IntroForm,
  IntroRequest,
  Member,
  MemberStatus,
  Outcome,
  PersonStage,
  Platform,
  PublicContact,
  RequestStatus,
  Strength,
  Task,
  TaskKind,
} from './domain.ts';
import type { MessageKind, OutboxStatus } from './messages.ts';
import type { View } from './views/view.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock `offsetMs` ahead of another (test-only CLOCK_OFFSET: timers tested on the running bot). */
export const offsetClock = (base: Clock, offsetMs: number): Clock => ({ now: () => new Date(base.now().getTime() + offsetMs) });

export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export interface SearchPage {
  items: PublicContact[];
  hasMore: boolean;
}

/** The owner's search: whole records, private fields included. Never handed to a member. */
export interface OwnerSearchPage {
  items: Contact[];
  hasMore: boolean;
}

export interface OwnerIntroInput {
  /** The person introduced when a member; else the owner's own member row. */
  memberId: number;
  contactId: number;
  whyContact: string;
  blurb: string;
  personName?: string | null;
  personEmail?: string | null;
  decidedBy: string;
  at: string;
  expiresAt: string;
}

export interface NewEvent {
  at: string;
  actor: string;
  kind: string;
  requestId?: number | null;
  memberId?: number | null;
  contactId?: number | null;
  data?: Record<string, unknown>;
}

export interface NewOutboxMessage {
  dedupeKey: string;
  platform: Platform;
  /** One person, or several for a group message (the intro). */
  recipients: string[];
  kind: MessageKind;
  view: View;
  at: string;
  /**
   * The dedupe key of an earlier message this one replaces in place (Slack
   * chat.update, Discord message edit). It is sent only after that one; when
   * there is no such message, nothing is enqueued.
   */
  edits?: string;
  /** The dedupe key of a message this one waits for: sent only once that one is sent or failed. */
  after?: string;
}

export interface OutboxMessage {
  id: number;
  dedupeKey: string;
  platform: Platform;
  recipients: string[];
  kind: MessageKind;
  view: View;
  attempts: number;
  status: OutboxStatus;
  lastError: string | null;
  ref: string | null;
  /** For an edit: the message it replaces, as it stands. */
  edits: { id: number; status: OutboxStatus; ref: string | null } | null;
  createdAt: string;
}

/** Where one outbox message stands: 'in_flight' is leased by a sender right now. */
export type OutboxState = 'none' | 'pending' | 'in_flight' | 'sent' | 'failed';

export interface ContactInput {
  name: string;
  title?: string | null;
  company?: string | null;
  location?: string | null;
  tags?: string[];
  topics?: string[];
  bio?: string | null;
  email?: string | null;
  phone?: string | null;
  linkedinUrl?: string | null;
  notes?: string | null;
  strength?: Strength;
  vetted?: boolean;
  openToIntros?: boolean;
  introCap?: number | null;
  noOptin?: boolean;
  slackUserId?: string | null;
  discordUserId?: string | null;
  consoleUserId?: string | null;
  source?: string;
  importKey?: string | null;
  connectedOn?: string | null;
}

export interface ContactFilter {
  vetted?: boolean;
  openToIntros?: boolean;
  company?: string;
  tag?: string;
  text?: string;
  source?: string;
  ids?: number[];
  limit?: number;
  /** The whole company name, ignoring case, accents and extra spaces ("lumen pay" finds "Lumen Pay", not "Lumen Payments"). */
  companyExact?: string;
  /** Company names that start with this, ignoring case and accents. */
  companyPrefix?: string;
}

export interface RequestFilter {
  memberId?: number;
  contactId?: number;
  status?: RequestStatus;
}

export interface Stats {
  contacts: { total: number; vetted: number; searchable: number; optedOut: number };
  members: Record<MemberStatus, number>;
  requests: Record<RequestStatus, number>;
  declines: Record<DeclineReason, number>;
  topContacts: { contactId: number; name: string; requests: number; approved: number }[];
}

export interface Funnel {
  requested: number;
  approved: number;
  contactYes: number;
  introduced: number;
  met: number;
  opportunity: number;
  job: number;
  perContact: { contactId: number; name: string; requests: number; approved: number; contactYes: number; contactNo: number }[];
  /** Requests and intros per ISO week (Monday), oldest first. */
  weekly: { week: string; requested: number; introduced: number; goodOutcomes: number }[];
}

/** One unit of work: everything inside commits together or not at all. */
export interface Transactional {
  transaction<T>(fn: () => T): T;
}

/** Contacts and search: the owner's rolodex, and what members may find in it. */
export interface ContactStore {
  getContact(id: number): Contact | null;
  /**
   * Searchable contacts matching every word, ranked as src/rules/ranking.ts
   * says; `now` (ISO) is when the load of recent intros is measured from.
   */
  searchContacts(query: string, opts: { limit: number; offset: number; now?: string }): SearchPage;
  /** The owner's search over every contact (vetted or not) and his private email and notes. Owner only. */
  searchAllContacts(query: string, opts: { limit: number; offset: number }): OwnerSearchPage;
  insertContact(input: ContactInput, at: string): Contact;
  updateContact(id: number, patch: Partial<ContactInput>, at: string): Contact;
  /** Insert or update by import key; 'removed' when the owner removed that contact before (it stays out). */
  upsertContactByImportKey(input: ContactInput & { importKey: string }, at: string): 'added' | 'updated' | 'unchanged' | 'removed';
  listContacts(filter?: ContactFilter): Contact[];
  /** Merges the search index's segments (after a bulk import): later searches read fewer pages. */
  optimizeSearchIndex(): void;
  /**
   * Bulk import mode: until finishBulkImport, added and changed contacts skip
   * the full-text index's row-by-row upkeep. Called again with each batch, as a
   * heartbeat (a crashed import is recovered when the database is next opened).
   */
  startBulkImport(at: string): void;
  /** Rebuilds the full-text index once and leaves bulk import mode. */
  finishBulkImport(): void;
  removeContact(id: number, at: string): 'deleted' | 'anonymised';
}

/** Members of the network, per platform user. */
export interface MemberStore {
  findMember(platform: Platform, userId: string): Member | null;
  getMember(id: number): Member | null;
  /** Creates the member, or updates name/status/note of an existing one. */
  saveMember(input: { platform: Platform; userId: string; displayName: string; status: MemberStatus; admissionNote?: string | null; at: string }): Member;
  /** Moves a member from one of `from` to `to`; false when the status was not in `from`. */
  transitionMember(id: number, from: readonly MemberStatus[], to: MemberStatus, at: string): boolean;
  listMembers(filter?: { status?: MemberStatus }): Member[];
  /** A member's own address for email intros (shown to the owner only). */
  setMemberEmail(id: number, email: string | null, at: string): void;
}

/** Intro requests, their delivery and outcome, and the drafts of forms that bounced. */
export interface RequestStore {
  insertRequest(input: IntroForm & { memberId: number; contactId: number; at: string; expiresAt: string; gateSignals?: GateSignals | null; submissionKey?: string | null }): IntroRequest;
  /** The request a form submission made (its platform id, e.g. Slack's view id), whatever became of it. */
  findRequestBySubmission(submissionKey: string): IntroRequest | null;
  /** An intro the owner starts: approved at once, both sides still to opt in. */
  insertOwnerIntro(input: OwnerIntroInput): IntroRequest;
  /** Moves the person's side of an owner intro; false if it was not in `from` (or the intro is closed). */
  setPersonStage(id: number, from: readonly PersonStage[], to: PersonStage, at: string): boolean;
  /** Records the contact's yes while the other side is still to answer; false if already recorded. */
  markContactYes(id: number, at: string): boolean;
  /** The owner sent a pending request back with a note; false if it is not pending. */
  requestChanges(id: number, note: string, at: string): boolean;
  /** The member's revised answers; clears the owner's note; the revising submission's key, when given, becomes the request's. False if it is not pending. */
  reviseRequest(id: number, form: IntroForm, at: string, submissionKey?: string | null): boolean;
  /** Undo of a decision: back to pending, decision and delivery stage cleared; false if not in `from`. */
  reopenRequest(id: number, from: readonly RequestStatus[], at: string): boolean;
  setIntroText(id: number, text: string | null, at: string): void;
  getRequest(id: number): IntroRequest | null;
  findOpenRequest(memberId: number, contactId: number): IntroRequest | null;
  listRequests(filter?: RequestFilter): IntroRequest[];
  countOpenRequests(memberId: number): number;
  /** Requests for a contact approved since `since`, plus those still pending. */
  countContactLoad(contactId: number, since: string): { approved: number; pending: number };
  /** Moves a request out of `from`; false (and nothing written) if someone got there first. */
  transitionRequest(
    id: number,
    from: readonly RequestStatus[],
    to: RequestStatus,
    fields: { at: string; decidedBy?: string; declineReason?: DeclineReason | null },
  ): boolean;
  /** Moves an approved request's delivery stage; false if it was not in `from`. */
  setStage(id: number, from: readonly (DeliveryStage | null)[], to: DeliveryStage, at: string): boolean;
  setOutcome(id: number, outcome: Outcome, at: string): void;

  /** Form drafts: what someone typed into a form that bounced, kept until it is sent. */
  saveDraft(platform: Platform, userId: string, formAction: string, values: Record<string, string>, at: string): void;
  getDraft(platform: Platform, userId: string, formAction: string): Record<string, string> | null;
  deleteDraft(platform: Platform, userId: string, formAction: string): void;
}

/** What happened (the append-only event log), what is due (tasks), and what is to be said (the outbox). */
export interface MessagingStore {
  appendEvent(e: NewEvent): void;
  listEvents(filter?: { requestId?: number; memberId?: number }): EventRecord[];

  /** Marks a request's not-yet-done tasks of these kinds done (undo: the opt-in no longer expires). */
  cancelTasks(requestId: number, kinds: readonly TaskKind[], at: string): number;
  outboxState(dedupeKey: string, now: string): OutboxState;
  /** Drops unsent (and not in-flight) messages with these dedupe keys; returns the keys dropped. */
  cancelOutbox(dedupeKeys: readonly string[], now: string): string[];

  /** A due time; the dedupe key makes scheduling the same thing twice a no-op. */
  scheduleTask(task: { kind: TaskKind; requestId: number; dueAt: string; dedupeKey: string; at: string }): void;
  dueTasks(now: string, limit: number): Task[];
  /** Marks a task done; false when another process already did (it then must do nothing). */
  completeTask(id: number, at: string): boolean;

  enqueue(msg: NewOutboxMessage): void;
  /** Leases due messages until `leaseUntil`; a crashed sender's lease simply runs out. */
  claimDueMessages(now: string, leaseUntil: string, limit: number, platforms: readonly Platform[]): OutboxMessage[];
  markSent(id: number, at: string, ref: string | null): void;
  /** Makes leased messages (claimed, neither sent nor failed) due now; returns how many. */
  releaseLeases(now: string): number;
  /** A failed attempt: due again at `nextAttemptAt`. */
  markFailed(id: number, error: string, nextAttemptAt: string): void;
  /** Stops retrying: the message is 'failed' for good (until the owner retries it). */
  markGivenUp(id: number, error: string, at: string): void;
  /** Makes a failed message pending and due now, with a fresh count of attempts; false if it was not failed. */
  retryMessage(id: number, at: string): boolean;
  getMessage(id: number): OutboxMessage | null;
  getMessageByKey(dedupeKey: string): OutboxMessage | null;
  listOutbox(filter?: { status?: OutboxStatus }): OutboxMessage[];
}

/** The owner's figures. */
export interface ReportStore {
  funnel(): Funnel;
  stats(since90Days: string): Stats;
}

/** The outbox as the Dispatcher sees it. */
export type OutboxStore = Pick<MessagingStore, 'claimDueMessages' | 'markSent' | 'releaseLeases' | 'markFailed' | 'markGivenUp'>;

/** Every area together: what the wiring opens (db/sqlite-store.ts) and hands to the core. */
export interface Store extends Transactional, ContactStore, MemberStore, RequestStore, MessagingStore, ReportStore {
  close(): void;
}

// ── triage and bulk batches: part of ContactStore (declaration merging) ─────
export type TriageOrder = 'recent' | 'company';
export const TRIAGE_ORDERS: readonly TriageOrder[] = ['recent', 'company'];

/** The triage queue: unvetted contacts still open to intros, skipped ones only when asked for. */
export interface TriageQueue {
  order: TriageOrder;
  includeSkipped: boolean;
}

export interface ContactStore {
  /** The first contact in the queue after `afterId`'s place in the order (from the start when absent). */
  nextTriageContact(queue: TriageQueue, afterId?: number): Contact | null;
  /** How many are in the queue; with `fromId`, only from that contact's place on. */
  countTriageQueue(queue: TriageQueue, fromId?: number): number;
  markTriageSkipped(id: number, at: string): void;
  /** Of these ids, the ones that name no contact (removed ones included). */
  missingContactIds(ids: readonly number[]): number[];
  /** A fresh id for a bulk change; unique because events are append-only. */
  newBatchId(): string;
  /** The events a bulk change recorded under its batch id, oldest first. */
  listBatchEvents(batch: string): EventRecord[];
}
