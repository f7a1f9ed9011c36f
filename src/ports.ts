// The ports the core owns. db/ implements Store; adapters implement Messenger.
// The store is synchronous on purpose: SQLite is embedded, and a synchronous
// transaction cannot interleave with another handler's half-done work.
import type {
  Contact,
  DeclineReason,
  DeliveryStage,
  EventRecord,
  IntroForm,
  IntroRequest,
  Member,
  MemberStatus,
  Outcome,
  Platform,
  PublicContact,
  RequestStatus,
  Strength,
  Task,
  TaskKind,
} from './domain.ts';
import type { View } from './views/view.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

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
  recipient: string;
  kind: string;
  view: View;
  at: string;
}

export interface OutboxMessage {
  id: number;
  dedupeKey: string;
  platform: Platform;
  recipient: string;
  kind: string;
  view: View;
  attempts: number;
  status: 'pending' | 'sent';
  lastError: string | null;
  ref: string | null;
}

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

export interface Store {
  transaction<T>(fn: () => T): T;

  findMember(platform: Platform, userId: string): Member | null;
  getMember(id: number): Member | null;
  /** Creates the member, or updates name/status/note of an existing one. */
  saveMember(input: { platform: Platform; userId: string; displayName: string; status: MemberStatus; admissionNote?: string | null; at: string }): Member;
  /** Moves a member from one of `from` to `to`; false when the status was not in `from`. */
  transitionMember(id: number, from: readonly MemberStatus[], to: MemberStatus, at: string): boolean;
  listMembers(filter?: { status?: MemberStatus }): Member[];

  getContact(id: number): Contact | null;
  /**
   * Searchable contacts matching every word, ranked as src/rules/ranking.ts
   * says; `now` (ISO) is when the load of recent intros is measured from.
   */
  searchContacts(query: string, opts: { limit: number; offset: number; now?: string }): SearchPage;
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

  insertRequest(input: IntroForm & { memberId: number; contactId: number; at: string; expiresAt: string }): IntroRequest;
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

  /** Form drafts: what someone typed into a form that bounced, kept until it is sent. */
  saveDraft(platform: Platform, userId: string, formAction: string, values: Record<string, string>, at: string): void;
  getDraft(platform: Platform, userId: string, formAction: string): Record<string, string> | null;
  deleteDraft(platform: Platform, userId: string, formAction: string): void;

  /** Moves an approved request's delivery stage; false if it was not in `from`. */
  setStage(id: number, from: readonly (DeliveryStage | null)[], to: DeliveryStage, at: string): boolean;
  setOutcome(id: number, outcome: Outcome, at: string): void;

  /** A due time; the dedupe key makes scheduling the same thing twice a no-op. */
  scheduleTask(task: { kind: TaskKind; requestId: number; dueAt: string; dedupeKey: string; at: string }): void;
  dueTasks(now: string, limit: number): Task[];
  /** Marks a task done; false when another process already did (it then must do nothing). */
  completeTask(id: number, at: string): boolean;
  funnel(): Funnel;

  appendEvent(e: NewEvent): void;
  listEvents(filter?: { requestId?: number; memberId?: number }): EventRecord[];

  enqueue(msg: NewOutboxMessage): void;
  /** Leases due messages until `leaseUntil`; a crashed sender's lease simply runs out. */
  claimDueMessages(now: string, leaseUntil: string, limit: number, platforms: readonly Platform[]): OutboxMessage[];
  markSent(id: number, at: string, ref: string | null): void;
  /** Makes leased messages (claimed, neither sent nor failed) due now; returns how many. */
  releaseLeases(now: string): number;
  markFailed(id: number, error: string, nextAttemptAt: string): void;
  listOutbox(filter?: { status?: 'pending' | 'sent' }): OutboxMessage[];

  stats(since90Days: string): Stats;
  close(): void;
}
