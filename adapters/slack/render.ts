// Views as Block Kit. One function per block kind; Slack's limits are enforced
// here so a long contact list or a long answer degrades (cut, "…and more")
// instead of Slack refusing the whole message.
import type { types } from '@slack/bolt';
import type { Block, Button, FormField, FormView, View } from '../../src/views/view.ts';
import { boldLabel, escapeMrkdwn, fit, mrkdwn, quoteLines, split } from './text.ts';

type KnownBlock = types.KnownBlock;

export const LIMITS = {
  messageBlocks: 50,
  surfaceBlocks: 100, // modals and the Home tab
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  header: 150,
  buttonText: 75,
  actionId: 255,
  buttonsPerBlock: 25,
  fallbackText: 3000,
  modalTitle: 24,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  inputLength: 3000,
  privateMetadata: 3000,
  /** A link's URL, leaving room in its section for the label. */
  linkUrl: 2700,
  /** Sections one quotation may continue over. */
  quoteSections: 10,
} as const;

/** The callback_id of every modal this app opens; what the submit means is in private_metadata. */
export const FORM_CALLBACK_ID = 'ib_form';

// verbatim: Slack must not auto-link or parse anything in text we did not write as markup.
const md = (text: string) => ({ type: 'mrkdwn' as const, text, verbatim: true });
const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: fit(text, max) });
const section = (text: string): KnownBlock => ({ type: 'section', text: md(text) });

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function button(b: Button): types.Button | null {
  // A cut action id would be a different (or no) action: leave such a button out. The core's are ≤ 100.
  if (b.action.length > LIMITS.actionId) return null;
  return { type: 'button', action_id: b.action, text: plain(b.label, LIMITS.buttonText), ...(b.style ? { style: b.style } : {}) };
}

// Someone's words can be longer than one section holds (an email draft quotes
// the blurb and the ask together): they continue in the next sections rather
// than being cut, so the owner can still copy the whole draft.
function quote(label: string, text: string): KnownBlock[] {
  const head = boldLabel(label, 200);
  const [first = '', ...more] = split(text, LIMITS.sectionText - head.length - 1, quoteLines, LIMITS.quoteSections);
  return [section(`${head}\n${quoteLines(first)}`), ...more.map((piece) => section(quoteLines(piece)))];
}

// Only these schemes become links, and only URLs that cannot close Slack's
// `<url|label>` early: anything else is shown as its label, unlinked.
const SAFE_URL = /^(mailto:|https?:\/\/)[^\s<>|]+$/;

function link(label: string, url: string): KnownBlock {
  const text = mrkdwn(label, 200);
  if (!SAFE_URL.test(url)) return section(text);
  // URLs come percent-encoded from the core, and must fit in a section with their label.
  if (url.length <= LIMITS.linkUrl) return section(`<${url}|${text}>`);
  // A long mailto draft keeps its address and subject; the person is told the text is not in it.
  const short = url.startsWith('mailto:') ? url.replace(/[?&]body=.*$/, '') : '';
  return section(short && short.length <= LIMITS.linkUrl ? `<${short}|${text}> (${LINK_WITHOUT_BODY})` : text);
}

export const LINK_WITHOUT_BODY = 'address and subject only: the text is too long for a link, copy it from above';

function renderBlock(b: Block): KnownBlock[] {
  switch (b.kind) {
    case 'header':
      return b.text.trim() ? [{ type: 'header', text: plain(b.text, LIMITS.header) }] : [];
    case 'text':
      return b.text.trim() ? [section(mrkdwn(b.text, LIMITS.sectionText))] : [];
    case 'context':
      return b.text.trim() ? [{ type: 'context', elements: [md(mrkdwn(b.text, LIMITS.sectionText))] }] : [];
    case 'quote':
      return quote(b.label, b.text);
    case 'fields': {
      const texts = b.fields.map((f) => {
        const head = boldLabel(f.label, 200);
        return md(`${head}\n${mrkdwn(f.value || '—', LIMITS.fieldText - head.length - 1)}`);
      });
      return chunks(texts, LIMITS.fieldsPerSection).map((fields): KnownBlock => ({ type: 'section', fields }));
    }
    case 'actions': {
      const buttons = b.buttons.map(button).filter((x): x is types.Button => x !== null);
      return chunks(buttons, LIMITS.buttonsPerBlock).map((elements): KnownBlock => ({ type: 'actions', elements }));
    }
    case 'divider':
      return [{ type: 'divider' }];
    case 'mentions': {
      // Slack shows <@U…> as the person's current name, and it links to them.
      const text = b.parts.map((p) => (typeof p === 'string' ? escapeMrkdwn(p) : /^[UW][A-Z0-9]{1,20}$/.test(p.userId) ? `<@${p.userId}>` : escapeMrkdwn(p.name))).join('');
      return text.trim() ? [section(text.slice(0, LIMITS.sectionText))] : [];
    }
    case 'link':
      return [link(b.label, b.url)];
  }
}

/** Blocks for a view, at most `max` of them: past that, a context line says there is more. */
export function renderBlocks(view: View, max: number = LIMITS.messageBlocks): KnownBlock[] {
  const blocks = view.blocks.flatMap(renderBlock);
  if (blocks.length <= max) return blocks;
  return [...blocks.slice(0, max - 1), { type: 'context', elements: [md('…and more')] }];
}

/** The notification and fallback text (mrkdwn too, so escaped). */
export const fallbackText = (view: View): string => mrkdwn(view.summary, LIMITS.fallbackText);

/** What chat.postMessage, chat.update and respond() take. */
export function renderMessage(view: View): { text: string; blocks: KnownBlock[] } {
  return { text: fallbackText(view), blocks: renderBlocks(view) };
}

/** The Home tab: an optional notice (the answer to a click made there) above the home view. */
export function renderHome(view: View, notice?: View): types.HomeView {
  const top = notice ? [...notice.blocks, { kind: 'divider' as const }] : [];
  return { type: 'home', blocks: renderBlocks({ summary: view.summary, blocks: [...top, ...view.blocks] }, LIMITS.surfaceBlocks) };
}

function input(f: FormField): KnownBlock {
  const max = Math.min(Math.max(1, f.maxLength), LIMITS.inputLength);
  const min = Math.min(Math.max(0, f.minLength), max);
  return {
    type: 'input',
    block_id: f.id,
    label: plain(f.label, LIMITS.inputLabel),
    // A field that may be left empty (the email of an owner's intro for a member).
    ...(f.minLength === 0 ? { optional: true } : {}),
    ...(f.hint ? { hint: plain(f.hint, LIMITS.inputHint) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: f.id,
      multiline: f.multiline,
      min_length: min,
      max_length: max,
      ...(f.placeholder ? { placeholder: plain(f.placeholder, LIMITS.placeholder) } : {}),
      // Cut by code point, without an ellipsis: this is the person's own text, to edit.
      ...(f.value ? { initial_value: [...f.value].slice(0, max).join('') } : {}),
    },
  };
}

/** The form as a modal. Values come back in view.state.values[field.id][field.id]. */
export function renderModal(form: FormView, origin?: FormOrigin): types.ModalView {
  const metadata = JSON.stringify(origin ? { action: form.action, origin } : { action: form.action });
  if (metadata.length > LIMITS.privateMetadata) throw new Error('form action does not fit in private_metadata');
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    private_metadata: metadata,
    title: plain(form.title, LIMITS.modalTitle),
    submit: plain(form.submitLabel, LIMITS.modalTitle),
    close: plain('Cancel', LIMITS.modalTitle),
    blocks: [
      ...(form.intro ? [{ type: 'section' as const, text: plain(form.intro, LIMITS.sectionText) }] : []),
      ...form.fields.map(input),
    ].slice(0, LIMITS.surfaceBlocks),
  };
}

/**
 * The message a form was opened from (a DM card, or an ephemeral card through
 * its response_url), so that an 'update' answer to the submit replaces it.
 */
export type FormOrigin = { channel: string; ts: string } | { responseUrl: string };

export function formOriginOf(privateMetadata: string): FormOrigin | null {
  try {
    const o = (JSON.parse(privateMetadata) as { origin?: Record<string, unknown> }).origin;
    if (typeof o?.channel === 'string' && typeof o.ts === 'string') return { channel: o.channel, ts: o.ts };
    if (typeof o?.responseUrl === 'string' && /^https?:\/\//.test(o.responseUrl)) return { responseUrl: o.responseUrl };
    return null;
  } catch {
    return null;
  }
}

/** The form action a submitted modal carries, or '' when the metadata is not ours. */
export function formActionOf(privateMetadata: string): string {
  try {
    const parsed = JSON.parse(privateMetadata) as unknown;
    const action = typeof parsed === 'object' && parsed !== null ? (parsed as { action?: unknown }).action : undefined;
    return typeof action === 'string' ? action : '';
  } catch {
    return '';
  }
}
