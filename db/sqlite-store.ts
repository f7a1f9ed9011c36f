// The Store port over better-sqlite3. Every method is one statement or one
// transaction; callers compose several inside store.transaction().
import type Database from 'better-sqlite3';
import type {
  Contact,
  DeclineReason,
  DeliveryStage,
  GateSignals,
  EventRecord,
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
} from '../src/domain.ts';
import type {
  ContactFilter,
  ContactInput,
  Funnel,
  NewEvent,
  NewOutboxMessage,
  OwnerIntroInput,
  OwnerSearchPage,
  OutboxMessage,
  OutboxState,
  RequestFilter,
  SearchPage,
  Stats,
  Store,
  TriageQueue,
} from '../src/ports.ts';
import type { MessageKind, OutboxStatus } from '../src/messages.ts';
import type { View } from '../src/views/view.ts';
import { cleanName } from '../src/rules/text.ts';
import { ftsQuery, looseTokens, SEARCH_COLUMNS, searchTokens, termsOf } from './fts-query.ts';
import { type IndexedContact, SearchIndex } from './search-index.ts';
import { openDatabase } from './open.ts';
import { countTriage, fold, nextTriageRow, registerFunctions } from './triage-queries.ts';

type Row = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : String(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : str(v));
const num = (v: unknown): number => Number(v);
const list = (v: unknown): string[] =>
  typeof v === 'string' && v.length > 0 ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
const joinList = (v: string[] | undefined): string =>
  (v ?? []).map((s) => s.replaceAll(',', ' ').trim()).filter(Boolean).join(', ');

function toPublicContact(r: Row): PublicContact {
  return {
    id: num(r.id),
    name: str(r.name),
    title: strOrNull(r.title),
    company: strOrNull(r.company),
    location: strOrNull(r.location),
    tags: list(r.tags),
    topics: list(r.topics),
    bio: strOrNull(r.bio),
    strength: str(r.strength) as Strength,
  };
}

function toContact(r: Row): Contact {
  return {
    ...toPublicContact(r),
    email: strOrNull(r.email),
    phone: strOrNull(r.phone),
    linkedinUrl: strOrNull(r.linkedin_url),
    notes: strOrNull(r.notes),
    vetted: r.vetted === 1,
    openToIntros: r.open_to_intros === 1,
    introCap: r.intro_cap === null ? null : num(r.intro_cap),
    noOptin: r.no_optin === 1,
    slackUserId: strOrNull(r.slack_user_id),
    discordUserId: strOrNull(r.discord_user_id),
    consoleUserId: strOrNull(r.console_user_id),
    source: str(r.source),
    importKey: strOrNull(r.import_key),
    connectedOn: strOrNull(r.connected_on),
    createdAt: str(r.created_at),
    updatedAt: str(r.updated_at),
  };
}

function toMember(r: Row): Member {
  return {
    id: num(r.id),
    platform: str(r.platform) as Platform,
    userId: str(r.user_id),
    displayName: str(r.display_name),
    status: str(r.status) as MemberStatus,
    admissionNote: strOrNull(r.admission_note),
    email: strOrNull(r.email),
    createdAt: str(r.created_at),
    updatedAt: str(r.updated_at),
  };
}

function parseSignals(raw: string | null): GateSignals | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<GateSignals>;
    return typeof v.history === 'string' && typeof v.ask === 'string' ? { history: v.history, ask: v.ask } : null;
  } catch {
    return null;
  }
}

function toRequest(r: Row): IntroRequest {
  return {
    id: num(r.id),
    memberId: num(r.member_id),
    contactId: num(r.contact_id),
    howKnow: str(r.how_know),
    whyContact: str(r.why_contact),
    blurb: str(r.blurb),
    gateSignals: parseSignals(strOrNull(r.gate_signals)),
    status: str(r.status) as RequestStatus,
    declineReason: strOrNull(r.decline_reason) as DeclineReason | null,
    decidedBy: strOrNull(r.decided_by),
    decidedAt: strOrNull(r.decided_at),
    stage: strOrNull(r.stage) as DeliveryStage | null,
    outcome: strOrNull(r.outcome) as Outcome | null,
    introducedAt: strOrNull(r.introduced_at),
    changesNote: strOrNull(r.changes_note),
    changesRequestedAt: strOrNull(r.changes_requested_at),
    introText: strOrNull(r.intro_text),
    createdAt: str(r.created_at),
    updatedAt: str(r.updated_at),
    origin: r.origin === 'owner' ? 'owner' : 'member',
    personName: strOrNull(r.person_name),
    personEmail: strOrNull(r.person_email),
    personStage: strOrNull(r.person_stage) as PersonStage | null,
    contactYesAt: strOrNull(r.contact_yes_at),
  };
}

function toEvent(r: Row): EventRecord {
  return {
    id: num(r.id),
    at: str(r.at),
    actor: str(r.actor),
    kind: str(r.kind),
    requestId: r.request_id === null ? null : num(r.request_id),
    memberId: r.member_id === null ? null : num(r.member_id),
    contactId: r.contact_id === null ? null : num(r.contact_id),
    data: JSON.parse(str(r.data)) as Record<string, unknown>,
  };
}

/** An outbox row, with (for an edit) the row it edits joined in as target_*. */
function toOutbox(r: Row): OutboxMessage {
  return {
    id: num(r.id),
    dedupeKey: str(r.dedupe_key),
    platform: str(r.platform) as Platform,
    recipients: JSON.parse(str(r.recipients)) as string[],
    kind: str(r.kind) as MessageKind,
    view: JSON.parse(str(r.payload)) as View,
    attempts: num(r.attempts),
    status: str(r.status) as OutboxStatus,
    lastError: strOrNull(r.last_error),
    ref: strOrNull(r.ref),
    edits: r.edit_of === null || r.edit_of === undefined ? null : { id: num(r.edit_of), status: str(r.target_status) as OutboxStatus, ref: strOrNull(r.target_ref) },
    createdAt: str(r.created_at),
  };
}

const OUTBOX_SELECT = 'SELECT o.*, t.status AS target_status, t.ref AS target_ref FROM outbox o LEFT JOIN outbox t ON t.id = o.edit_of';

/** A pending message a sender has leased right now (see claimDueMessages and releaseLeases). */
const IN_FLIGHT = "status = 'pending' AND attempts > 0 AND last_error IS NULL AND next_attempt_at > ?";

/** Columns a ContactInput may set, with how each value is stored. */
// Names and one-line fields pass through the core's cleaning here, whatever
// wrote them (an import, the CLI, a platform profile): no bidi override or
// invisible character reaches a card.
const oneLine = (v: unknown): string | null => (typeof v === 'string' ? cleanName(v) : null);
const CONTACT_COLUMNS: Record<keyof ContactInput, [string, (v: unknown) => unknown]> = {
  name: ['name', (v) => oneLine(v) || '(no name)'],
  title: ['title', (v) => oneLine(v)],
  company: ['company', (v) => oneLine(v)],
  location: ['location', (v) => oneLine(v)],
  tags: ['tags', (v) => joinList(v as string[])],
  topics: ['topics', (v) => joinList(v as string[])],
  bio: ['bio', (v) => v ?? null],
  email: ['email', (v) => v ?? null],
  phone: ['phone', (v) => v ?? null],
  linkedinUrl: ['linkedin_url', (v) => v ?? null],
  notes: ['notes', (v) => v ?? null],
  strength: ['strength', (v) => v],
  vetted: ['vetted', (v) => (v ? 1 : 0)],
  openToIntros: ['open_to_intros', (v) => (v ? 1 : 0)],
  introCap: ['intro_cap', (v) => v ?? null],
  noOptin: ['no_optin', (v) => (v ? 1 : 0)],
  slackUserId: ['slack_user_id', (v) => v ?? null],
  discordUserId: ['discord_user_id', (v) => v ?? null],
  consoleUserId: ['console_user_id', (v) => v ?? null],
  source: ['source', (v) => v],
  importKey: ['import_key', (v) => v ?? null],
  connectedOn: ['connected_on', (v) => v ?? null],
};

function contactColumns(input: Partial<ContactInput>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const spec = CONTACT_COLUMNS[key as keyof ContactInput];
    if (spec && value !== undefined) out[spec[0]] = spec[1](value);
  }
  return out;
}

// Searching: see db/search-index.ts (how) and src/rules/ranking.ts (the order).
// Every searchable match is ranked; pages are cut from that one order.
const INDEX_SQL = `
  SELECT c.id, ${SEARCH_COLUMNS.map((col) => `c.${col}`).join(', ')}, c.strength,
    (c.vetted = 1 AND c.open_to_intros = 1 AND c.removed = 0) AS searchable,
    (SELECT max(r.decided_at) FROM intro_requests r WHERE r.contact_id = c.id AND r.status = 'approved') AS last_intro
  FROM contacts c`;
const ROWS_BY_ID_SQL = 'SELECT * FROM contacts WHERE id IN (SELECT value FROM json_each(?))';
/** More changes than this since the index last looked: build it again rather than apply them one by one. */
const CHANGES_APPLIED_ONE_BY_ONE = 2_000;
/** A bulk import beats its heartbeat with every batch; this long without one, it has stopped. */
const BULK_IMPORT_STALE_MS = 10 * 60_000;

function toIndexed(r: unknown[]): IndexedContact {
  const n = SEARCH_COLUMNS.length;
  const last = r[n + 3];
  return {
    id: num(r[0]),
    texts: r.slice(1, n + 1).map((v) => (typeof v === 'string' ? v : null)),
    strength: str(r[n + 1]) as Strength,
    searchable: r[n + 2] === 1,
    lastIntroMs: typeof last === 'string' ? Date.parse(last) : Number.NaN,
  };
}

/** The folded form of each query word, as the index holds terms (one FTS5 phrase each). */
const queryTerms = (tokens: readonly string[]): string[] => tokens.map((t) => termsOf(t).join('')).filter((t) => t !== '');

export class SqliteStore implements Store {
  private readonly stmts = new Map<string, Database.Statement>();
  private index: SearchIndex | null = null;
  /** The last search_changes row the index has taken in. */
  private indexSeq = 0;

  constructor(readonly db: Database.Database) {
    registerFunctions(db);
  }

  static open(path: string): SqliteStore {
    const store = new SqliteStore(openDatabase(path));
    store.recoverBulkImport();
    return store;
  }

  /** Statements are prepared once and reused; preparing is the slow part. */
  private q(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  transaction<T>(fn: () => T): T {
    // IMMEDIATE takes the write lock up front, so two processes cannot both read
    // "pending" and both decide.
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn).immediate();
  }

  close(): void {
    this.db.close();
  }

  // ── members ────────────────────────────────────────────────────────────
  findMember(platform: Platform, userId: string): Member | null {
    const r = this.q('SELECT * FROM members WHERE platform = ? AND user_id = ?').get(platform, userId) as Row | undefined;
    return r ? toMember(r) : null;
  }

  getMember(id: number): Member | null {
    const r = this.q('SELECT * FROM members WHERE id = ?').get(id) as Row | undefined;
    return r ? toMember(r) : null;
  }

  saveMember(input: { platform: Platform; userId: string; displayName: string; status: MemberStatus; admissionNote?: string | null; at: string }): Member {
    const r = this.q(
      `INSERT INTO members (platform, user_id, display_name, status, admission_note, created_at, updated_at)
       VALUES (@platform, @userId, @displayName, @status, @note, @at, @at)
       ON CONFLICT (platform, user_id) DO UPDATE SET
         display_name = excluded.display_name, status = excluded.status,
         admission_note = COALESCE(excluded.admission_note, members.admission_note), updated_at = excluded.updated_at
       RETURNING *`,
    ).get({ ...input, displayName: cleanName(input.displayName) || input.userId, note: input.admissionNote ?? null }) as Row;
    return toMember(r);
  }

  transitionMember(id: number, from: readonly MemberStatus[], to: MemberStatus, at: string): boolean {
    const marks = from.map(() => '?').join(', ');
    const res = this.q(`UPDATE members SET status = ?, updated_at = ? WHERE id = ? AND status IN (${marks})`).run(to, at, id, ...from);
    return res.changes === 1;
  }

  listMembers(filter: { status?: MemberStatus } = {}): Member[] {
    const rows = filter.status
      ? this.q('SELECT * FROM members WHERE status = ? ORDER BY id').all(filter.status)
      : this.q('SELECT * FROM members ORDER BY id').all();
    return (rows as Row[]).map(toMember);
  }

  // ── contacts ───────────────────────────────────────────────────────────
  getContact(id: number): Contact | null {
    const r = this.q('SELECT * FROM contacts WHERE id = ? AND removed = 0').get(id) as Row | undefined;
    return r ? toContact(r) : null;
  }

  searchContacts(text: string, opts: { limit: number; offset: number; now?: string }): SearchPage {
    const ids = this.rankedIds(text, opts);
    const page = ids.slice(0, opts.limit);
    if (page.length === 0) return { items: [], hasMore: false };
    const rows = new Map((this.q(ROWS_BY_ID_SQL).all(JSON.stringify(page)) as Row[]).map((r) => [num(r.id), r]));
    const items = page.map((id) => rows.get(id)).filter((r): r is Row => r !== undefined).map(toPublicContact);
    return { items, hasMore: ids.length > opts.limit };
  }

  /**
   * Ids of the searchable matches [offset, offset + limit + 1), best first.
   * When the words match nothing at all, their looser form (see looseTokens)
   * is used for every page, so "More results" after a typo keeps working.
   */
  private rankedIds(text: string, opts: { limit: number; offset: number; now?: string }): number[] {
    const tokens = searchTokens(text);
    if (tokens.length === 0) return [];
    const index = this.searchIndex();
    const nowMs = opts.now === undefined ? Date.now() : Date.parse(opts.now);
    const page = index.search(queryTerms(tokens), opts.offset, opts.limit + 1, nowMs);
    const loose = page.total === 0 ? looseTokens(tokens) : null;
    return loose ? index.search(queryTerms(loose), opts.offset, opts.limit + 1, nowMs).ids : page.ids;
  }

  /** The search index, brought up to date with every change committed since it last looked. */
  private searchIndex(): SearchIndex {
    const latest = this.q('SELECT coalesce(max(seq), 0) FROM search_changes').pluck().get() as number;
    if (this.index && latest === this.indexSeq) return this.index;
    if (this.index && latest > this.indexSeq && this.applyChanges(this.index) && !this.index.fragmented) return this.index;
    // First search, a restored file, pruned history, or a large import: build from the table.
    this.index = null; // let the old one go before the new one is built
    this.indexSeq = latest;
    const rows = () => mapIterable(this.q(INDEX_SQL).raw().iterate() as IterableIterator<unknown[]>, toIndexed);
    // Read twice (see SearchIndex.build), in one read transaction so both passes see the same rows.
    this.index = this.db.inTransaction ? SearchIndex.build(rows) : this.db.transaction(() => SearchIndex.build(rows)).deferred();
    return this.index;
  }

  /** Applies the changes after indexSeq one contact at a time; false when building again is needed. */
  private applyChanges(index: SearchIndex): boolean {
    const changes = this.q('SELECT seq, contact_id, text FROM search_changes WHERE seq > ? ORDER BY seq LIMIT ?')
      .raw()
      .all(this.indexSeq, CHANGES_APPLIED_ONE_BY_ONE + 1) as [number, number, number][];
    // Too many, or older ones pruned away before this index saw them.
    if (changes.length > CHANGES_APPLIED_ONE_BY_ONE || changes[0]?.[0] !== this.indexSeq + 1) return false;
    if (changes.some(([, id]) => id === 0)) return false; // a bulk import ended
    const textChanged = new Map<number, boolean>();
    for (const [, id, text] of changes) textChanged.set(id, (textChanged.get(id) ?? false) || text === 1);
    const one = this.q(`${INDEX_SQL} WHERE c.id = ?`).raw();
    for (const [id, text] of textChanged) {
      const row = one.get(id) as unknown[] | undefined;
      if (!row) index.remove(id);
      else if (text || !index.setAttributes(id, toIndexed(row))) index.put(toIndexed(row));
    }
    this.indexSeq = changes[changes.length - 1]![0];
    return true;
  }

  searchAllContacts(text: string, opts: { limit: number; offset: number }): OwnerSearchPage {
    // The owner's own search: every contact he has (vetted or not, opted out or
    // not), by the public words through the same safe FTS5 query as members, or
    // by the private email and notes, which are not in the index: a LIKE with
    // its wildcards escaped, so what he types is only ever a literal.
    const match = ftsQuery(searchTokens(text));
    const literal = text.trim();
    if (match === null && literal === '') return { items: [], hasMore: false };
    const like = `%${likeEscape(literal)}%`;
    const rows = this.q(
      `SELECT * FROM contacts WHERE removed = 0 AND (
         id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH @match)
         OR (@literal != '' AND (email LIKE @like ESCAPE '\\' OR notes LIKE @like ESCAPE '\\')))
       ORDER BY vetted DESC, name, id LIMIT @limit OFFSET @offset`,
    ).all({ match: match ?? '""', literal, like, limit: opts.limit + 1, offset: opts.offset }) as Row[];
    return { items: rows.slice(0, opts.limit).map(toContact), hasMore: rows.length > opts.limit };
  }

  insertContact(input: ContactInput, at: string): Contact {
    const cols = contactColumns(input);
    const names = Object.keys(cols);
    const r = this.q(
      `INSERT INTO contacts (${names.join(', ')}, created_at, updated_at)
       VALUES (${names.map((n) => '@' + n).join(', ')}, @at, @at) RETURNING *`,
    ).get({ ...cols, at }) as Row;
    return toContact(r);
  }

  updateContact(id: number, patch: Partial<ContactInput>, at: string): Contact {
    const cols = contactColumns(patch);
    const names = Object.keys(cols);
    const sets = [...names.map((n) => `${n} = @${n}`), 'updated_at = @at'].join(', ');
    const r = this.q(`UPDATE contacts SET ${sets} WHERE id = @id AND removed = 0 RETURNING *`).get({ ...cols, at, id }) as Row | undefined;
    if (!r) throw new Error(`no contact with id ${id}`);
    return toContact(r);
  }

  upsertContactByImportKey(input: ContactInput & { importKey: string }, at: string): 'added' | 'updated' | 'unchanged' | 'removed' {
    if (this.q('SELECT 1 FROM removed_import_keys WHERE import_key = ?').get(input.importKey)) return 'removed';
    const cols = contactColumns(input);
    const names = Object.keys(cols);
    // Most rows of a first import are new: try the insert first (not insertContact: nothing is read back).
    const inserted = this.q(
      `INSERT INTO contacts (${names.join(', ')}, created_at, updated_at) VALUES (${names.map((n) => '@' + n).join(', ')}, @at, @at)
       ON CONFLICT (import_key) DO NOTHING`,
    ).run({ ...cols, at });
    if (inserted.changes === 1) return 'added';
    const existing = this.q('SELECT * FROM contacts WHERE import_key = ?').get(input.importKey) as Row;
    // Re-imports refresh what the file knows and never touch the owner's curation
    // (vetted, tags, notes, strength) unless the file says so explicitly.
    const changed = Object.entries(cols).filter(([k, v]) => existing[k] !== v && !(v === '' && existing[k] === null));
    if (changed.length === 0) return 'unchanged';
    const sets = [...changed.map(([k]) => `${k} = @${k}`), 'updated_at = @at', 'removed = 0'].join(', ');
    this.q(`UPDATE contacts SET ${sets} WHERE id = @id`).run({ ...Object.fromEntries(changed), at, id: existing.id });
    return 'updated';
  }

  listContacts(filter: ContactFilter = {}): Contact[] {
    const where = ['removed = 0'];
    const params: unknown[] = [];
    if (filter.vetted !== undefined) {
      where.push('vetted = ?');
      params.push(filter.vetted ? 1 : 0);
    }
    if (filter.openToIntros !== undefined) {
      where.push('open_to_intros = ?');
      params.push(filter.openToIntros ? 1 : 0);
    }
    if (filter.company !== undefined) {
      where.push("company LIKE ? ESCAPE '\\'");
      params.push(`%${likeEscape(filter.company)}%`);
    }
    if (filter.companyExact !== undefined) {
      where.push('ib_fold(company) = ?');
      params.push(fold(filter.companyExact));
    }
    if (filter.companyPrefix !== undefined) {
      // substr, not LIKE: the folded prefix may hold % or _.
      where.push('substr(ib_fold(company), 1, ?) = ?');
      const prefix = fold(filter.companyPrefix);
      params.push(prefix.length, prefix);
    }
    if (filter.tag !== undefined) {
      where.push("(',' || replace(tags, ', ', ',') || ',') LIKE ? ESCAPE '\\'");
      params.push(`%,${likeEscape(filter.tag)},%`);
    }
    if (filter.source !== undefined) {
      where.push('source = ?');
      params.push(filter.source);
    }
    if (filter.text !== undefined) {
      // The owner's own listing: public words through the safe FTS5 query, and his private email and notes as literals.
      const match = ftsQuery(searchTokens(filter.text));
      const literal = filter.text.trim();
      if (match === null && literal === '') return [];
      where.push("(id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?) OR (? != '' AND (email LIKE ? ESCAPE '\\' OR notes LIKE ? ESCAPE '\\')))");
      params.push(match ?? '""', literal, `%${likeEscape(literal)}%`, `%${likeEscape(literal)}%`);
    }
    if (filter.ids !== undefined) {
      where.push(`id IN (${filter.ids.map(() => '?').join(', ') || 'NULL'})`);
      params.push(...filter.ids);
    }
    const limit = filter.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(filter.limit))}` : '';
    const rows = this.db.prepare(`SELECT * FROM contacts WHERE ${where.join(' AND ')} ORDER BY name, id${limit}`).all(...params);
    return (rows as Row[]).map(toContact);
  }

  startBulkImport(at: string): void {
    this.q('INSERT INTO search_bulk_import (id, started_at, heartbeat_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at').run(at, Date.now());
  }

  finishBulkImport(): void {
    this.transaction(() => {
      this.q("INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild')").run();
      this.q('DELETE FROM search_bulk_import').run();
      // Contacts added or changed in bulk mode were not logged one by one: every index builds again.
      this.q('INSERT INTO search_changes (contact_id, text) VALUES (0, 1)').run();
      this.q('DELETE FROM search_changes WHERE seq <= (SELECT max(seq) FROM search_changes) - ?').run(CHANGES_APPLIED_ONE_BY_ONE);
    });
  }

  /** An import that stopped half way (no heartbeat for BULK_IMPORT_STALE_MS) left the full-text index behind: rebuild it. */
  private recoverBulkImport(): void {
    const beat = this.q('SELECT heartbeat_at FROM search_bulk_import').pluck().get() as number | undefined;
    if (beat !== undefined && Date.now() - beat > BULK_IMPORT_STALE_MS) this.finishBulkImport();
  }

  optimizeSearchIndex(): void {
    this.q("INSERT INTO contacts_fts (contacts_fts) VALUES ('optimize')").run();
    // Search indexes that have not seen the pruned changes build again (see searchIndex).
    this.q('DELETE FROM search_changes WHERE seq <= (SELECT max(seq) FROM search_changes) - ?').run(CHANGES_APPLIED_ONE_BY_ONE);
  }

  removeContact(id: number, at: string): 'deleted' | 'anonymised' {
    // Remember the import key, so a later re-import does not bring the contact back.
    this.q('INSERT OR IGNORE INTO removed_import_keys (import_key, removed_at) SELECT import_key, ? FROM contacts WHERE id = ? AND import_key IS NOT NULL').run(at, id);
    const used = this.q('SELECT 1 FROM intro_requests WHERE contact_id = ? LIMIT 1').get(id);
    if (!used) {
      this.q('DELETE FROM contacts WHERE id = ?').run(id);
      return 'deleted';
    }
    // Requests still point at the contact: keep the name for the history, erase the rest.
    this.q(
      `UPDATE contacts SET removed = 1, vetted = 0, open_to_intros = 0, email = NULL, phone = NULL,
         linkedin_url = NULL, notes = NULL, bio = NULL, slack_user_id = NULL, discord_user_id = NULL, console_user_id = NULL,
         import_key = NULL, updated_at = ? WHERE id = ?`,
    ).run(at, id);
    // Messages about this contact that carry their details (the email drafts, the
    // opt-in question): unsent ones are dropped, sent ones are kept as a stub.
    const aboutContact = `kind IN ('owner.optin_email', 'owner.intro_email', 'contact.optin')
      AND EXISTS (SELECT 1 FROM intro_requests r WHERE r.contact_id = ? AND outbox.dedupe_key LIKE 'request:' || r.id || ':%')`;
    this.q(`DELETE FROM outbox WHERE status IN ('pending', 'failed') AND ${aboutContact}`).run(id);
    this.q(`UPDATE outbox SET payload = ? WHERE status = 'sent' AND ${aboutContact}`).run(JSON.stringify({ summary: '(removed with the contact)', blocks: [] }), id);
    return 'anonymised';
  }

  // ── requests ───────────────────────────────────────────────────────────
  insertRequest(input: { memberId: number; contactId: number; howKnow: string; whyContact: string; blurb: string; at: string; expiresAt: string; gateSignals?: GateSignals | null; submissionKey?: string | null }): IntroRequest {
    const r = this.q(
      `INSERT INTO intro_requests (member_id, contact_id, how_know, why_contact, blurb, status, expires_at, created_at, updated_at, gate_signals, submission_key)
       VALUES (@memberId, @contactId, @howKnow, @whyContact, @blurb, 'pending', @expiresAt, @at, @at, @gateSignals, @submissionKey) RETURNING *`,
    ).get({ ...input, gateSignals: input.gateSignals ? JSON.stringify(input.gateSignals) : null, submissionKey: input.submissionKey ?? null }) as Row;
    return toRequest(r);
  }

  findRequestBySubmission(submissionKey: string): IntroRequest | null {
    const r = this.q('SELECT * FROM intro_requests WHERE submission_key = ?').get(submissionKey) as Row | undefined;
    return r ? toRequest(r) : null;
  }

  insertOwnerIntro(input: OwnerIntroInput): IntroRequest {
    const r = this.q(
      `INSERT INTO intro_requests (member_id, contact_id, how_know, why_contact, blurb, status, decided_by, decided_at, expires_at,
         created_at, updated_at, origin, person_name, person_email, person_stage)
       VALUES (@memberId, @contactId, '', @whyContact, @blurb, 'approved', @decidedBy, @at, @expiresAt, @at, @at, 'owner', @personName, @personEmail, 'awaiting')
       RETURNING *`,
    ).get({ ...input, personName: input.personName ?? null, personEmail: input.personEmail ?? null }) as Row;
    return toRequest(r);
  }

  setPersonStage(id: number, from: readonly PersonStage[], to: PersonStage, at: string): boolean {
    const marks = from.map(() => '?').join(', ');
    const res = this.q(`UPDATE intro_requests SET person_stage = ?, updated_at = ? WHERE id = ? AND status = 'approved' AND person_stage IN (${marks})`).run(to, at, id, ...from);
    return res.changes === 1;
  }

  markContactYes(id: number, at: string): boolean {
    const res = this.q("UPDATE intro_requests SET contact_yes_at = ?, updated_at = ? WHERE id = ? AND stage = 'awaiting_contact' AND contact_yes_at IS NULL").run(at, at, id);
    return res.changes === 1;
  }

  getRequest(id: number): IntroRequest | null {
    const r = this.q('SELECT * FROM intro_requests WHERE id = ?').get(id) as Row | undefined;
    return r ? toRequest(r) : null;
  }

  findOpenRequest(memberId: number, contactId: number): IntroRequest | null {
    const r = this.q("SELECT * FROM intro_requests WHERE member_id = ? AND contact_id = ? AND status = 'pending'").get(memberId, contactId) as Row | undefined;
    return r ? toRequest(r) : null;
  }

  listRequests(filter: RequestFilter = {}): IntroRequest[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.memberId !== undefined) {
      where.push('member_id = ?');
      params.push(filter.memberId);
    }
    if (filter.contactId !== undefined) {
      where.push('contact_id = ?');
      params.push(filter.contactId);
    }
    if (filter.status !== undefined) {
      where.push('status = ?');
      params.push(filter.status);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    return (this.q(`SELECT * FROM intro_requests ${clause} ORDER BY id`).all(...params) as Row[]).map(toRequest);
  }

  countOpenRequests(memberId: number): number {
    const r = this.q("SELECT count(*) AS n FROM intro_requests WHERE member_id = ? AND status = 'pending'").get(memberId) as Row;
    return num(r.n);
  }

  countContactLoad(contactId: number, since: string): { approved: number; pending: number } {
    const r = this.q(
      `SELECT
         count(*) FILTER (WHERE status = 'approved' AND decided_at >= ?) AS approved,
         count(*) FILTER (WHERE status = 'pending') AS pending
       FROM intro_requests WHERE contact_id = ?`,
    ).get(since, contactId) as Row;
    return { approved: num(r.approved), pending: num(r.pending) };
  }

  transitionRequest(
    id: number,
    from: readonly RequestStatus[],
    to: RequestStatus,
    fields: { at: string; decidedBy?: string; declineReason?: DeclineReason | null },
  ): boolean {
    const marks = from.map(() => '?').join(', ');
    const res = this.q(
      `UPDATE intro_requests SET status = ?, updated_at = ?,
         decided_by = COALESCE(?, decided_by), decided_at = CASE WHEN ? IS NULL THEN decided_at ELSE ? END,
         decline_reason = COALESCE(?, decline_reason)
       WHERE id = ? AND status IN (${marks})`,
    ).run(to, fields.at, fields.decidedBy ?? null, fields.decidedBy ?? null, fields.at, fields.declineReason ?? null, id, ...from);
    return res.changes === 1;
  }

  // ── delivery, outcomes, timers ───────────────────────────────────────────
  setStage(id: number, from: readonly (DeliveryStage | null)[], to: DeliveryStage, at: string): boolean {
    const allowsNull = from.includes(null);
    const named = from.filter((f): f is DeliveryStage => f !== null);
    const cond = [allowsNull ? 'stage IS NULL' : '', named.length ? `stage IN (${named.map(() => '?').join(', ')})` : ''].filter(Boolean).join(' OR ');
    // The contact answered if we were waiting for them; a direct intro has no answer to record.
    const extra =
      to === 'introduced'
        ? ", introduced_at = @at, contact_answered_at = CASE WHEN stage = 'awaiting_contact' THEN @at ELSE contact_answered_at END"
        : to === 'awaiting_contact'
          ? ''
          : ', contact_answered_at = @at';
    const res = this.db
      .prepare(`UPDATE intro_requests SET stage = @to, updated_at = @at${extra} WHERE id = @id AND status = 'approved' AND (${cond})`)
      .run({ to, at, id }, ...named);
    return res.changes === 1;
  }

  setOutcome(id: number, outcome: Outcome, at: string): void {
    this.q('UPDATE intro_requests SET outcome = ?, outcome_at = ?, updated_at = ? WHERE id = ?').run(outcome, at, at, id);
  }

  requestChanges(id: number, note: string, at: string): boolean {
    return (
      this.q("UPDATE intro_requests SET changes_note = ?, changes_requested_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'").run(note, at, at, id)
        .changes === 1
    );
  }

  reviseRequest(id: number, form: IntroForm, at: string, submissionKey: string | null = null): boolean {
    return (
      this.q(
        `UPDATE intro_requests SET how_know = ?, why_contact = ?, blurb = ?, changes_note = NULL, changes_requested_at = NULL,
           submission_key = COALESCE(?, submission_key), updated_at = ?
         WHERE id = ? AND status = 'pending'`,
      ).run(form.howKnow, form.whyContact, form.blurb, submissionKey, at, id).changes === 1
    );
  }

  reopenRequest(id: number, from: readonly RequestStatus[], at: string): boolean {
    const marks = from.map(() => '?').join(', ');
    return (
      this.q(
        `UPDATE intro_requests SET status = 'pending', decided_by = NULL, decided_at = NULL, decline_reason = NULL, stage = NULL,
           contact_answered_at = NULL, updated_at = ? WHERE id = ? AND status IN (${marks})`,
      ).run(at, id, ...from).changes === 1
    );
  }

  setIntroText(id: number, text: string | null, at: string): void {
    this.q('UPDATE intro_requests SET intro_text = ?, updated_at = ? WHERE id = ?').run(text, at, id);
  }

  setMemberEmail(id: number, email: string | null, at: string): void {
    this.q('UPDATE members SET email = ?, updated_at = ? WHERE id = ?').run(email, at, id);
  }

  cancelTasks(requestId: number, kinds: readonly TaskKind[], at: string): number {
    if (kinds.length === 0) return 0;
    const marks = kinds.map(() => '?').join(', ');
    return this.q(`UPDATE tasks SET done_at = ? WHERE request_id = ? AND done_at IS NULL AND kind IN (${marks})`).run(at, requestId, ...kinds).changes;
  }

  outboxState(dedupeKey: string, now: string): OutboxState {
    const r = this.q(`SELECT status, (${IN_FLIGHT}) AS in_flight FROM outbox WHERE dedupe_key = ?`).get(now, dedupeKey) as Row | undefined;
    if (!r) return 'none';
    if (r.status === 'sent' || r.status === 'failed') return r.status;
    return r.in_flight === 1 ? 'in_flight' : 'pending';
  }

  cancelOutbox(dedupeKeys: readonly string[], now: string): string[] {
    const dropped: string[] = [];
    for (const key of dedupeKeys) {
      // A message not yet sent (waiting, or failed for good) and not being sent right now; its edits wait for it, so they go too.
      const target = this.q(`SELECT id FROM outbox WHERE dedupe_key = ? AND status IN ('pending', 'failed') AND NOT (${IN_FLIGHT})`).get(key, now) as Row | undefined;
      if (!target) continue;
      this.q("DELETE FROM outbox WHERE edit_of = ? AND status <> 'sent'").run(num(target.id));
      this.q('DELETE FROM outbox WHERE id = ?').run(num(target.id));
      dropped.push(key);
    }
    return dropped;
  }

  scheduleTask(task: { kind: TaskKind; requestId: number; dueAt: string; dedupeKey: string; at: string }): void {
    this.q(
      `INSERT INTO tasks (kind, request_id, due_at, dedupe_key, created_at) VALUES (@kind, @requestId, @dueAt, @dedupeKey, @at)
       ON CONFLICT (dedupe_key) DO NOTHING`,
    ).run(task);
  }

  dueTasks(now: string, limit: number): Task[] {
    const rows = this.q('SELECT id, kind, request_id, due_at FROM tasks WHERE done_at IS NULL AND due_at <= ? ORDER BY due_at, id LIMIT ?').all(now, limit) as Row[];
    return rows.map((r) => ({ id: num(r.id), kind: str(r.kind) as TaskKind, requestId: num(r.request_id), dueAt: str(r.due_at) }));
  }

  completeTask(id: number, at: string): boolean {
    return this.q('UPDATE tasks SET done_at = ? WHERE id = ? AND done_at IS NULL').run(at, id).changes === 1;
  }

  funnel(): Funnel {
    const f = this.q(
      `SELECT count(*) AS requested,
         count(*) FILTER (WHERE status = 'approved') AS approved,
         count(*) FILTER (WHERE stage = 'introduced' AND contact_answered_at IS NOT NULL) AS contact_yes,
         count(*) FILTER (WHERE stage = 'introduced') AS introduced,
         count(*) FILTER (WHERE outcome IN ('met', 'useful', 'opportunity', 'job', 'raised', 'not_useful')) AS met,
         count(*) FILTER (WHERE outcome IN ('opportunity', 'job', 'raised')) AS opportunity,
         count(*) FILTER (WHERE outcome = 'job') AS job
       FROM intro_requests`,
    ).get() as Row;
    const perContact = this.q(
      `SELECT c.id, c.name, count(r.id) AS requests,
         count(r.id) FILTER (WHERE r.status = 'approved') AS approved,
         count(r.id) FILTER (WHERE r.stage = 'introduced' AND r.contact_answered_at IS NOT NULL) AS yes,
         count(r.id) FILTER (WHERE r.stage = 'contact_declined') AS no
       FROM intro_requests r JOIN contacts c ON c.id = r.contact_id
       GROUP BY c.id ORDER BY requests DESC, c.name LIMIT 20`,
    ).all() as Row[];
    // Weeks start on Monday: SQLite's 'weekday 0' is the next Sunday, so step back six days.
    const weekly = this.q(
      `SELECT date(created_at, 'weekday 0', '-6 days') AS week, count(*) AS requested,
         count(*) FILTER (WHERE stage = 'introduced') AS introduced,
         count(*) FILTER (WHERE outcome IN ('opportunity', 'job', 'raised')) AS good
       FROM intro_requests GROUP BY week ORDER BY week`,
    ).all() as Row[];
    return {
      requested: num(f.requested),
      approved: num(f.approved),
      contactYes: num(f.contact_yes),
      introduced: num(f.introduced),
      met: num(f.met),
      opportunity: num(f.opportunity),
      job: num(f.job),
      perContact: perContact.map((r) => ({ contactId: num(r.id), name: str(r.name), requests: num(r.requests), approved: num(r.approved), contactYes: num(r.yes), contactNo: num(r.no) })),
      weekly: weekly.map((r) => ({ week: str(r.week), requested: num(r.requested), introduced: num(r.introduced), goodOutcomes: num(r.good) })),
    };
  }

  // ── drafts ─────────────────────────────────────────────────────────────
  saveDraft(platform: Platform, userId: string, formAction: string, values: Record<string, string>, at: string): void {
    this.q(
      `INSERT INTO form_drafts (platform, user_id, form_action, payload, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (platform, user_id, form_action) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at`,
    ).run(platform, userId, formAction, JSON.stringify(values), at);
  }

  getDraft(platform: Platform, userId: string, formAction: string): Record<string, string> | null {
    const r = this.q('SELECT payload FROM form_drafts WHERE platform = ? AND user_id = ? AND form_action = ?').get(platform, userId, formAction) as Row | undefined;
    return r ? (JSON.parse(str(r.payload)) as Record<string, string>) : null;
  }

  deleteDraft(platform: Platform, userId: string, formAction: string): void {
    this.q('DELETE FROM form_drafts WHERE platform = ? AND user_id = ? AND form_action = ?').run(platform, userId, formAction);
  }

  // ── events ─────────────────────────────────────────────────────────────
  appendEvent(e: NewEvent): void {
    this.q(
      `INSERT INTO events (at, actor, kind, request_id, member_id, contact_id, data)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(e.at, e.actor, e.kind, e.requestId ?? null, e.memberId ?? null, e.contactId ?? null, JSON.stringify(e.data ?? {}));
  }

  listEvents(filter: { requestId?: number; memberId?: number } = {}): EventRecord[] {
    const rows =
      filter.requestId !== undefined
        ? this.q('SELECT * FROM events WHERE request_id = ? ORDER BY id').all(filter.requestId)
        : filter.memberId !== undefined
          ? this.q('SELECT * FROM events WHERE member_id = ? ORDER BY id').all(filter.memberId)
          : this.q('SELECT * FROM events ORDER BY id').all();
    return (rows as Row[]).map(toEvent);
  }

  // ── outbox ─────────────────────────────────────────────────────────────
  enqueue(msg: NewOutboxMessage): void {
    let editOf: number | null = null;
    if (msg.edits !== undefined) {
      const target = this.q('SELECT id, status, attempts, last_error FROM outbox WHERE dedupe_key = ?').get(msg.edits) as Row | undefined;
      // Nothing to edit (the card was never written, or was dropped): nothing to send.
      if (!target) return;
      // Not sent yet and not in flight (never tried, or waiting after a failure), or
      // failed: it will go out as it now stands, so no stale version is ever seen.
      const idle = target.status === 'failed' || (target.status === 'pending' && (num(target.attempts) === 0 || target.last_error !== null));
      if (idle) {
        this.q('UPDATE outbox SET payload = ? WHERE id = ?').run(JSON.stringify(msg.view), num(target.id));
        return;
      }
      editOf = num(target.id);
    }
    const after = msg.after === undefined ? undefined : (this.q('SELECT id FROM outbox WHERE dedupe_key = ?').get(msg.after) as Row | undefined);
    // The dedupe key makes a repeated enqueue (a retried handler) a no-op.
    this.q(
      `INSERT INTO outbox (dedupe_key, platform, recipients, kind, payload, edit_of, after_id, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
    ).run(msg.dedupeKey, msg.platform, JSON.stringify(msg.recipients), msg.kind, JSON.stringify(msg.view), editOf, after ? num(after.id) : null, msg.at, msg.at);
  }

  claimDueMessages(now: string, leaseUntil: string, limit: number, platforms: readonly Platform[]): OutboxMessage[] {
    if (platforms.length === 0) return [];
    return this.transaction(() => {
      const marks = platforms.map(() => '?').join(', ');
      const ids = this.db
        .prepare(
          // last_error is cleared while a message is in flight: a leased message is one
          // with attempts, no error and a future due time (see releaseLeases).
          // An edit (or a message sent after another) waits until that one is no longer pending.
          `UPDATE outbox SET next_attempt_at = ?, attempts = attempts + 1, last_error = NULL
           WHERE id IN (SELECT o.id FROM outbox o WHERE o.status = 'pending' AND o.next_attempt_at <= ? AND o.platform IN (${marks})
                          AND NOT EXISTS (SELECT 1 FROM outbox t WHERE t.id IN (o.edit_of, o.after_id) AND t.status = 'pending')
                        ORDER BY o.next_attempt_at, o.id LIMIT ?)
           RETURNING id`,
        )
        .all(leaseUntil, now, ...platforms, limit) as Row[];
      return ids.map((r) => this.getMessage(num(r.id)) as OutboxMessage).sort((a, b) => a.id - b.id);
    });
  }

  markSent(id: number, at: string, ref: string | null): void {
    this.q("UPDATE outbox SET status = 'sent', sent_at = ?, ref = ?, last_error = NULL WHERE id = ?").run(at, ref, id);
  }

  releaseLeases(now: string): number {
    return this.q(
      "UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending' AND attempts > 0 AND last_error IS NULL AND next_attempt_at > ?",
    ).run(now, now).changes;
  }

  markFailed(id: number, error: string, nextAttemptAt: string): void {
    this.q("UPDATE outbox SET last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'pending'").run(error.slice(0, 500), nextAttemptAt, id);
  }

  markGivenUp(id: number, error: string, at: string): void {
    this.q("UPDATE outbox SET status = 'failed', last_error = ?, failed_at = ? WHERE id = ? AND status = 'pending'").run(error.slice(0, 500), at, id);
  }

  retryMessage(id: number, at: string): boolean {
    return this.q("UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, failed_at = NULL WHERE id = ? AND status = 'failed'").run(at, id).changes === 1;
  }

  getMessage(id: number): OutboxMessage | null {
    const r = this.q(`${OUTBOX_SELECT} WHERE o.id = ?`).get(id) as Row | undefined;
    return r ? toOutbox(r) : null;
  }

  getMessageByKey(dedupeKey: string): OutboxMessage | null {
    const r = this.q(`${OUTBOX_SELECT} WHERE o.dedupe_key = ?`).get(dedupeKey) as Row | undefined;
    return r ? toOutbox(r) : null;
  }

  listOutbox(filter: { status?: OutboxStatus } = {}): OutboxMessage[] {
    const rows = filter.status
      ? this.q(`${OUTBOX_SELECT} WHERE o.status = ? ORDER BY o.id`).all(filter.status)
      : this.q(`${OUTBOX_SELECT} ORDER BY o.id`).all();
    return (rows as Row[]).map(toOutbox);
  }

  // ── stats ──────────────────────────────────────────────────────────────
  stats(since90Days: string): Stats {
    const c = this.q(
      `SELECT count(*) AS total, count(*) FILTER (WHERE vetted = 1) AS vetted,
         count(*) FILTER (WHERE vetted = 1 AND open_to_intros = 1) AS searchable,
         count(*) FILTER (WHERE open_to_intros = 0) AS opted_out
       FROM contacts WHERE removed = 0`,
    ).get() as Row;
    const members: Stats['members'] = { member: 0, pending: 0, declined: 0, blocked: 0 };
    for (const r of this.q('SELECT status, count(*) AS n FROM members GROUP BY status').all() as Row[]) {
      members[str(r.status) as MemberStatus] = num(r.n);
    }
    const requests: Stats['requests'] = { pending: 0, approved: 0, declined: 0, withdrawn: 0, expired: 0, closed: 0 };
    for (const r of this.q('SELECT status, count(*) AS n FROM intro_requests GROUP BY status').all() as Row[]) {
      requests[str(r.status) as RequestStatus] = num(r.n);
    }
    const declines: Stats['declines'] = { not_now: 0, dont_know_contact: 0, dont_know_you: 0 };
    for (const r of this.q("SELECT decline_reason AS reason, count(*) AS n FROM intro_requests WHERE status = 'declined' GROUP BY decline_reason").all() as Row[]) {
      if (r.reason !== null) declines[str(r.reason) as DeclineReason] = num(r.n);
    }
    const top = this.q(
      `SELECT c.id, c.name, count(r.id) AS requests, count(r.id) FILTER (WHERE r.status = 'approved') AS approved
       FROM intro_requests r JOIN contacts c ON c.id = r.contact_id
       WHERE r.created_at >= ? GROUP BY c.id ORDER BY requests DESC, c.name LIMIT 5`,
    ).all(since90Days) as Row[];
    return {
      contacts: { total: num(c.total), vetted: num(c.vetted), searchable: num(c.searchable), optedOut: num(c.opted_out) },
      members,
      requests,
      declines,
      topContacts: top.map((r) => ({ contactId: num(r.id), name: str(r.name), requests: num(r.requests), approved: num(r.approved) })),
    };
  }

  // ── triage and bulk batches ────────────────────────────────────────────
  nextTriageContact(queue: TriageQueue, afterId?: number): Contact | null {
    const r = nextTriageRow(this.db, queue, afterId);
    return r ? toContact(r) : null;
  }

  countTriageQueue(queue: TriageQueue, fromId?: number): number {
    return countTriage(this.db, queue, fromId);
  }

  markTriageSkipped(id: number, at: string): void {
    this.q('UPDATE contacts SET triage_skipped_at = ? WHERE id = ?').run(at, id);
  }

  missingContactIds(ids: readonly number[]): number[] {
    const found = new Set((this.q('SELECT id FROM contacts WHERE removed = 0 AND id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as Row[]).map((r) => num(r.id)));
    return [...new Set(ids)].filter((id) => !found.has(id));
  }

  newBatchId(): string {
    return String(num((this.q('SELECT coalesce(max(id), 0) + 1 AS n FROM events').get() as Row).n));
  }

  listBatchEvents(batch: string): EventRecord[] {
    const rows = this.q("SELECT * FROM events WHERE json_extract(data, '$.batch') = ? ORDER BY id").all(batch) as Row[];
    return rows.map(toEvent);
  }
}

function* mapIterable<T, U>(it: Iterable<T>, fn: (t: T) => U): Generator<U> {
  for (const x of it) yield fn(x);
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (m) => '\\' + m);
}
