// `contacts list|show|add|edit|vet|unvet|tag|opt-out|opt-in|remove`. Bulk
// commands take ids or a filter (--company, --tag, --search, --unvetted, --all).
import { STRENGTHS, type Contact, type Strength } from '../../../src/domain.ts';
import type { ContactFilter, ContactInput } from '../../../src/ports.ts';
import { addContact, editContact, removeContacts, tagContacts } from '../../../src/use-cases/manage-contacts.ts';
import { type CliContext, out, printJson, printTable, UsageError } from '../io.ts';
import { selectForBulk } from '../../../src/use-cases/bulk-contacts.ts';
import { runBulk, runUndoBatch } from './bulk.ts';

export type Flags = Record<string, string | boolean | undefined>;

const str = (f: Flags, k: string): string | undefined => (typeof f[k] === 'string' ? f[k] : undefined);
const list = (v: string | undefined) => (v === undefined ? undefined : v.split(/[;,|]/).map((s) => s.trim()).filter(Boolean));

function ids(args: string[]): number[] {
  return args.map((a) => {
    if (!/^[1-9][0-9]*$/.test(a)) throw new UsageError(`"${a}" is not a contact id (a whole number, as \`contacts list\` shows).`);
    return Number(a);
  });
}

/** Ids, or a filter; refusing to act on everything unless --all says so. */
export function selection(args: string[], f: Flags): ContactFilter {
  const filter: ContactFilter = {};
  if (args.length) filter.ids = ids(args);
  const company = str(f, 'company');
  const companyPrefix = str(f, 'company-prefix');
  const tag = str(f, 'tag');
  const search = str(f, 'search');
  // --company is the whole name ("Goo" is not Google); --company-prefix is for "Goo…".
  if (company !== undefined) filter.companyExact = company;
  if (companyPrefix !== undefined) filter.companyPrefix = companyPrefix;
  if (tag !== undefined) filter.tag = tag;
  if (search !== undefined) filter.text = search;
  if (f.unvetted) filter.vetted = false;
  if (f.vetted) filter.vetted = true;
  if (Object.keys(filter).length === 0 && !f.all) throw new UsageError('Say which contacts: ids, or --company X, --company-prefix X, --tag T, --search words, --unvetted, or --all.');
  return filter;
}

function contactInput(f: Flags): Partial<ContactInput> {
  const strength = str(f, 'strength');
  if (strength !== undefined && !STRENGTHS.includes(strength as Strength)) throw new UsageError(`--strength must be one of ${STRENGTHS.join(', ')}.`);
  const cap = str(f, 'cap');
  if (cap !== undefined && !/^(\d+|none)$/.test(cap)) throw new UsageError('--cap must be a whole number of intros per 90 days, or "none".');
  const input: Partial<ContactInput> = {};
  const set = <K extends keyof ContactInput>(k: K, v: ContactInput[K] | undefined) => {
    if (v !== undefined) input[k] = v;
  };
  set('name', str(f, 'name'));
  set('title', str(f, 'title'));
  set('company', str(f, 'company'));
  set('location', str(f, 'location'));
  set('bio', str(f, 'bio'));
  set('email', str(f, 'email'));
  set('phone', str(f, 'phone'));
  set('linkedinUrl', str(f, 'linkedin'));
  set('notes', str(f, 'notes'));
  set('tags', list(str(f, 'tags')));
  set('topics', list(str(f, 'topics')));
  set('strength', strength as Strength | undefined);
  set('introCap', cap === undefined ? undefined : cap === 'none' ? null : Number(cap));
  set('slackUserId', str(f, 'slack-user'));
  set('discordUserId', str(f, 'discord-user'));
  if (f.vet) input.vetted = true;
  if (f['no-optin']) input.noOptin = true;
  return input;
}

const hasFilter = (f: Flags) => ['company', 'company-prefix', 'tag', 'search', 'unvetted', 'vetted', 'all'].some((k) => f[k] !== undefined && f[k] !== false);

const row = (c: Contact) => [c.id, c.name, c.title, c.company, c.location, c.tags.join(', '), c.vetted ? 'yes' : 'no', c.openToIntros ? 'yes' : 'opted out'];

export async function runContacts(c: CliContext, sub: string | undefined, args: string[], f: Flags): Promise<number> {
  const { ctx, by } = c;
  switch (sub) {
    case 'list': {
      const filter: ContactFilter = args.length || Object.keys(f).some((k) => ['company', 'company-prefix', 'tag', 'search', 'unvetted', 'vetted'].includes(k)) ? selection(args, f) : {};
      const limit = str(f, 'limit');
      if (limit !== undefined) filter.limit = Number(limit);
      const rows = ctx.store.listContacts(filter);
      if (c.json) return printJson(c, rows), 0;
      printTable(c, ['id', 'name', 'title', 'company', 'location', 'tags', 'vetted', 'intros'], rows.map(row));
      out(c, `${rows.length} contact${rows.length === 1 ? '' : 's'}`);
      return 0;
    }
    case 'show': {
      const [id] = ids(args.slice(0, 1));
      const contact = id === undefined ? null : ctx.store.getContact(id);
      if (!contact) throw new UsageError(`No contact #${args[0] ?? '?'}.`);
      if (c.json) return printJson(c, contact), 0;
      for (const [k, v] of Object.entries(contact)) out(c, `${k.padEnd(14)} ${Array.isArray(v) ? v.join(', ') : String(v ?? '')}`);
      return 0;
    }
    case 'add': {
      const input = contactInput(f);
      if (!input.name) throw new UsageError('contacts add needs --name "Full Name".');
      const contact = addContact(ctx, by, { ...input, name: input.name });
      return c.json ? (printJson(c, contact), 0) : (out(c, `Added #${contact.id} ${contact.name}${contact.vetted ? ' (vetted)' : ' (unvetted: `contacts vet ' + contact.id + '` makes it searchable)'}.`), 0);
    }
    case 'edit': {
      const [id] = ids(args.slice(0, 1));
      if (id === undefined) throw new UsageError('contacts edit <id> --field value …');
      const patch = contactInput(f);
      if (f.unvet) patch.vetted = false;
      if (Object.keys(patch).length === 0) throw new UsageError('Nothing to change: give --title, --company, --tags, … (see --help).');
      const contact = editContact(ctx, by, id, patch);
      return c.json ? (printJson(c, contact), 0) : (out(c, `Updated #${contact.id} ${contact.name}.`), 0);
    }
    case 'vet':
    case 'unvet':
    case 'opt-out':
    case 'opt-in': {
      const undo = str(f, 'undo');
      if (undo !== undefined) return runUndoBatch(c, undo);
      return runBulk(c, sub, selection(args, f), { yes: f.yes === true, idsOnly: args.length > 0 && !hasFilter(f) });
    }
    case 'undo-batch':
      if (!args[0]) throw new UsageError('contacts undo-batch <batch id> (printed when the bulk change was made)');
      return runUndoBatch(c, args[0]);
    case 'tag': {
      const [tags, ...rest] = args;
      if (!tags) throw new UsageError('contacts tag <tag[,tag]> <ids…> | --company X | --search words …');
      const filter = selection(rest, f);
      selectForBulk(ctx, filter); // unknown ids are an error that names them
      const n = tagContacts(ctx, by, filter, list(tags) ?? []);
      return c.json ? (printJson(c, { changed: n }), 0) : (out(c, `Tagged ${n} contact${n === 1 ? '' : 's'} with ${tags}.`), 0);
    }
    case 'remove': {
      if (!args.length) throw new UsageError('contacts remove <id…>');
      const r = removeContacts(ctx, by, ids(args));
      return c.json ? (printJson(c, r), 0) : (out(c, `Removed ${r.deleted + r.anonymised} (${r.anonymised} kept as a name only, because requests refer to them).`), 0);
    }
    default:
      throw new UsageError('contacts list|show|add|edit|vet|unvet|tag|opt-out|opt-in|undo-batch|remove|triage');
  }
}
