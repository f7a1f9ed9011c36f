// The renderer on its own: Discord's limits and the escaping of user text.
import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/actions.ts';
import type { FormView, View } from '../../../src/views/view.ts';
import { LIMITS } from '../../../adapters/discord/limits.ts';
import { renderModal } from '../../../adapters/discord/modal.ts';
import { renderView, splitLines } from '../../../adapters/discord/render.ts';
import { clip, escapeText } from '../../../adapters/discord/text.ts';
import { formErrorsView, reopenActionFor } from '../../../adapters/discord/form-errors.ts';

const button = (n: number) => ({ action: `ib:ap:${n}`, label: `Button ${n}` });

describe('escapeText', () => {
  it('neutralises mentions and markdown, and shows what was typed', () => {
    const out = escapeText('@everyone @here <@123> <@&456> <#789> **b** _i_ ~~s~~ `c` ||x|| [t](https://e.example)\n# h\n> q\n- l\n1. n\n-# sub');
    for (const raw of ['@everyone', '@here', '<@123>', '<@&456>', '**b**', '||x||', '[t](']) expect(out).not.toContain(raw);
    expect(out).not.toMatch(/(^|[^\\])</); // every '<' (mentions, channels, timestamps) is escaped
    expect(out).toContain('@\u200Beveryone');
    expect(out.split('\n').slice(1)).toEqual(['\\# h', '\\> q', '\\- l', '1\\. n', '\\-# sub']);
  });

  it('clips without splitting a surrogate pair or leaving a dangling escape', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(clip('ab\\*cd', 4)).toBe('ab…');
  });
});

describe('renderView', () => {
  it('puts a short view in content and keeps buttons in rows of at most five', () => {
    const view: View = { summary: 's', blocks: [{ kind: 'text', text: 'hello' }, { kind: 'actions', buttons: [1, 2, 3, 4, 5, 6, 7].map(button) }] };
    const out = renderView(view);
    expect(out.content).toBe('hello');
    expect(out.embeds).toEqual([]);
    expect(out.components.map((r) => r.components.length)).toEqual([5, 2]);
  });

  it('packs six one-button rows into Discord’s five, and says when buttons had to go', () => {
    const six: View = { summary: 's', blocks: [1, 2, 3, 4, 5, 6].map((n) => ({ kind: 'actions' as const, buttons: [button(n)] })) };
    expect(renderView(six).components.map((r) => r.components.length)).toEqual([5, 1]);
    const crowded: View = { summary: 's', blocks: [1, 2, 3, 4, 5, 6].map((n) => ({ kind: 'actions' as const, buttons: [0, 1, 2, 3].map((i) => button(n * 10 + i)) })) };
    const out = renderView(crowded);
    expect(out.components).toHaveLength(5);
    expect(out.content).toContain('4 more buttons did not fit');
  });

  it('drops duplicate custom_ids, clips labels to 80, and styles buttons', () => {
    const view: View = {
      summary: 's',
      blocks: [{ kind: 'actions', buttons: [{ action: 'ib:ap:1', label: 'x'.repeat(100), style: 'primary' }, { action: 'ib:ap:1', label: 'again' }, { action: 'ib:wd:1', label: 'w', style: 'danger' }] }],
    };
    const [row] = renderView(view).components;
    expect(row?.components).toEqual([
      { type: 2, style: 1, label: 'x'.repeat(79) + '…', custom_id: 'ib:ap:1' },
      { type: 2, style: 4, label: 'w', custom_id: 'ib:wd:1' },
    ]);
  });

  it('moves a long view into embeds within 4,096 each and 6,000 in all, with the summary as content', () => {
    const long = 'word '.repeat(900).trim();
    const view: View = { summary: 'Alice asks for @everyone', blocks: [1, 2, 3].map((n) => ({ kind: 'quote' as const, label: `Q${n}`, text: long })) };
    const out = renderView(view);
    expect(out.content).toBe('Alice asks for @\u200Beveryone');
    expect(out.embeds.every((e) => (e.description ?? '').length <= LIMITS.embedDescription)).toBe(true);
    expect(out.embeds.reduce((n, e) => n + (e.description ?? '').length, 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
    expect(out.embeds.at(-1)?.description).toContain('Shortened to fit');
  });

  it('shows web links as link buttons and mail links as a note', () => {
    const view: View = {
      summary: 's',
      blocks: [
        { kind: 'link', label: 'Profile', url: 'https://example.com/p' },
        { kind: 'link', label: 'Open the email', url: 'mailto:a@example.com?subject=x&body=y' },
      ],
    };
    const out = renderView(view);
    expect(out.components[0]?.components).toEqual([{ type: 2, style: 5, label: 'Profile', url: 'https://example.com/p' }]);
    expect(out.content).toContain('Open the email');
    expect(out.content).not.toContain('mailto:');
  });

  it('splits text on line boundaries', () => {
    expect(splitLines('aa\nbb\ncc', 5)).toEqual(['aa\nbb', 'cc']);
    expect(splitLines('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
  });
});

describe('renderModal', () => {
  const form = (n: number, extra: Partial<FormView> = {}): FormView => ({
    action: encodeAction({ type: 'submit_request', contactId: 7 }),
    title: 'A title that is far too long for a Discord modal title',
    intro: 'Tell @everyone',
    submitLabel: 'Send',
    fields: Array.from({ length: n }, (_, i) => ({
      id: `f${i}`,
      label: 'L'.repeat(60),
      hint: 'short hint',
      placeholder: 'p'.repeat(150),
      multiline: i % 2 === 0,
      minLength: 10,
      maxLength: 9000,
      value: 'v'.repeat(5000),
    })),
    ...extra,
  });

  it('fits every Discord modal limit', () => {
    const modal = renderModal(form(3));
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(modal.components).toHaveLength(4); // the intro, then three inputs
    expect(modal.components[0]).toEqual({ type: 10, content: 'Tell @\u200Beveryone' });
    const label = modal.components[1] as unknown as { label: string; description: string; component: Record<string, unknown> };
    expect(label.label.length).toBeLessThanOrEqual(45);
    expect(label.description).toBe('short hint');
    expect(label.component).toMatchObject({ type: 4, custom_id: 'f0', style: 2, required: true, min_length: 10, max_length: 4000 });
    expect((label.component.placeholder as string).length).toBeLessThanOrEqual(100);
    expect((label.component.value as string).length).toBe(4000);
  });

  it('gives the fields priority over the intro, and never more than five components', () => {
    expect(renderModal(form(5)).components.map((c) => c.type)).toEqual([18, 18, 18, 18, 18]);
    expect(renderModal(form(7)).components).toHaveLength(5);
  });
});

describe('bounced forms', () => {
  it('reopens request and admission forms, and nothing else', () => {
    expect(reopenActionFor(encodeAction({ type: 'submit_request', contactId: 3 }))).toBe(encodeAction({ type: 'open_request_form', contactId: 3 }));
    expect(reopenActionFor(encodeAction({ type: 'submit_admission' }))).toBe(encodeAction({ type: 'open_admission_form' }));
    expect(reopenActionFor('ib:ap:1')).toBeNull();
  });

  it('lists the guidance per field label', () => {
    const f: FormView = { action: 'ib:sr:3', title: 't', intro: '', submitLabel: 's', fields: [{ id: 'a', label: 'How?', hint: '', placeholder: '', multiline: true, minLength: 0, maxLength: 10 }] };
    const view = formErrorsView(f, { a: 'More, please.', other: 'Something else.' });
    expect(view.blocks).toContainEqual({ kind: 'fields', fields: [{ label: 'How?', value: 'More, please.' }, { label: 'Note', value: 'Something else.' }] });
  });
});
