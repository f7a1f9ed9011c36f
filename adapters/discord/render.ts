// Core Views as Discord messages. Discord's limits decide the shape: a
// message's content holds 2,000 characters, so a longer view (an owner's card
// with three long answers) goes into embeds (4,096 each, 6,000 in all);
// buttons go 5 to a row and 5 rows to a message. Everything here is plain
// JSON, so it can be checked without a client; every string from a View is
// escaped. FormViews become modals in modal.ts.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { Block, Button, View } from '../../src/views/view.ts';
import { LIMITS } from './limits.ts';
import { clip, escapeText } from './text.ts';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** A message body; content and embeds are always set so an update replaces both. */
export interface DiscordMessage {
  content: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
}

export function renderView(view: View): DiscordMessage {
  const { rows, dropped } = buttonRows(view.blocks);
  const lines = view.blocks.map(blockText).filter((t): t is string => t !== null);
  if (dropped > 0) lines.push(`*(${dropped} more button${dropped === 1 ? '' : 's'} did not fit in this message.)*`);
  return { ...layoutText(lines.join('\n').trim(), view.summary), components: rows };
}

function blockText(b: Block): string | null {
  switch (b.kind) {
    case 'header':
      return `**${escapeText(b.text)}**`;
    case 'text':
      return escapeText(b.text);
    case 'fields':
      return b.fields.map((f) => `**${escapeText(f.label)}:** ${escapeText(f.value)}`).join('\n');
    case 'quote':
      return [`**${escapeText(b.label)}**`, ...escapeText(b.text).split('\n').map((l) => `> ${l}`)].join('\n');
    case 'context':
      return escapeText(b.text)
        .split('\n')
        .map((l) => (l.trim() ? `*${l.trim()}*` : ''))
        .join('\n');
    case 'divider':
      return '';
    case 'mentions':
      // A mention shows the person's current name; allowedMentions (NO_MENTIONS) keeps it from pinging.
      return b.parts.map((p) => (typeof p === 'string' ? escapeText(p) : /^\d{1,20}$/.test(p.userId) ? `<@${p.userId}>` : escapeText(p.name))).join('');
    case 'link':
      // Discord opens only web links (as a link button, see clickablesOf). It makes no
      // mailto: link clickable, and a mail draft's text is in the card already.
      return linkButtonUrl(b.url) ? null : `*${escapeText(b.label)}: Discord cannot open mail links, so copy the text above into your mail app.*`;
    case 'actions':
      return null;
  }
}

/** A URL a Discord link button can carry (http or https, at most 512 characters), or null. */
function linkButtonUrl(url: string): string | null {
  return /^https?:\/\//i.test(url) && url.length <= LIMITS.linkUrl ? url : null;
}

// --- text: content when it fits, embeds when it does not ----------------------

const SHORTENED = '\n*(Shortened to fit in one Discord message.)*';

function layoutText(text: string, summary: string): Pick<DiscordMessage, 'content' | 'embeds'> {
  if (text.length <= LIMITS.content) return { content: text || clip(escapeText(summary), LIMITS.content) || '…', embeds: [] };
  // The summary stays in content: it is what notifications and previews show.
  const body = text.length <= LIMITS.embedsTotal ? text : clip(text, LIMITS.embedsTotal - SHORTENED.length) + SHORTENED;
  return {
    content: clip(escapeText(summary), LIMITS.content),
    embeds: splitLines(body, LIMITS.embedDescription).map((description) => ({ description })),
  };
}

/** Packs lines into chunks of at most `max` characters, cutting inside a line only when it is longer than `max`. */
export function splitLines(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length <= max) {
      current = joined;
      continue;
    }
    if (current) chunks.push(current);
    let rest = line;
    while (rest.length > max) {
      chunks.push(rest.slice(0, max));
      rest = rest.slice(max);
    }
    current = rest;
  }
  if (current) chunks.push(current);
  return chunks;
}

// --- buttons: one row per actions block, packed when there are too many --------

/** A button as Discord needs it: a core action (custom_id) or a web link. */
type Clickable = Button | { url: string; label: string };

function buttonRows(blocks: Block[]): { rows: ButtonRow[]; dropped: number } {
  const seen = new Set<string>(); // Discord rejects a message with two equal custom_ids
  let groups: Clickable[][] = [];
  for (const b of blocks) {
    const clickables = clickablesOf(b).filter((c) => {
      const key = 'url' in c ? `url:${c.url}` : c.action;
      if (seen.has(key) || ('action' in c && c.action.length > LIMITS.customId)) return false;
      seen.add(key);
      return true;
    });
    for (let i = 0; i < clickables.length; i += LIMITS.buttonsPerRow) groups.push(clickables.slice(i, i + LIMITS.buttonsPerRow));
  }
  // Search results have one button per contact plus paging: five contacts and a
  // paging row are six rows, so neighbouring rows share when they fit together.
  if (groups.length > LIMITS.rows) groups = packGroups(groups);
  const kept = groups.slice(0, LIMITS.rows);
  const dropped = groups.slice(LIMITS.rows).reduce((n, g) => n + g.length, 0);
  return { rows: kept.map(toRow), dropped };
}

function clickablesOf(b: Block): Clickable[] {
  if (b.kind === 'actions') return b.buttons;
  if (b.kind !== 'link') return [];
  const url = linkButtonUrl(b.url);
  return url ? [{ url, label: b.label }] : [];
}

function packGroups(groups: Clickable[][]): Clickable[][] {
  const packed: Clickable[][] = [];
  for (const group of groups) {
    const last = packed[packed.length - 1];
    if (last && last.length + group.length <= LIMITS.buttonsPerRow) last.push(...group);
    else packed.push([...group]);
  }
  return packed;
}

const STYLES = { primary: ButtonStyle.Primary, danger: ButtonStyle.Danger } as const;

function toRow(clickables: Clickable[]): ButtonRow {
  return { type: ComponentType.ActionRow, components: clickables.map(toButton) };
}

function toButton(c: Clickable): APIButtonComponent {
  const label = clip(c.label, LIMITS.buttonLabel); // labels are not markdown: no escaping
  if ('url' in c) return { type: ComponentType.Button, style: ButtonStyle.Link, label, url: c.url };
  return { type: ComponentType.Button, style: c.style ? STYLES[c.style] : ButtonStyle.Secondary, label, custom_id: c.action };
}
