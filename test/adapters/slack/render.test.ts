// The renderer alone: escaping, Block Kit limits, the modal's shape.
import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, fit, mrkdwn } from '../../../adapters/slack/text.ts';
import { formActionOf, LIMITS, LINK_WITHOUT_BODY, renderBlocks, renderMessage, renderModal } from '../../../adapters/slack/render.ts';
import type { FormView, View } from '../../../src/views/view.ts';

const HOSTILE = '<!channel> <@U123> <https://evil|click> & co';

describe('slack text', () => {
  it('escapes &, < and > so nothing pings or links', () => {
    expect(escapeMrkdwn(HOSTILE)).toBe('&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil|click&gt; &amp; co');
  });

  it('cuts to fit after escaping, never inside an entity or an emoji', () => {
    const cut = mrkdwn('<<<<<<<<<<', 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut).toBe('&lt;&lt;…');
    expect(fit('ab😀cd', 4)).toBe('ab…'); // '😀' is two UTF-16 units: it goes whole or not at all
    expect(fit('ab😀cd', 5)).toBe('ab😀…');
    expect(fit('short', 10)).toBe('short');
  });
});

describe('views as Block Kit', () => {
  it('renders every block kind, escaping mrkdwn and leaving plain_text alone', () => {
    const view: View = {
      summary: `New: ${HOSTILE}`,
      blocks: [
        { kind: 'header', text: HOSTILE },
        { kind: 'text', text: HOSTILE },
        { kind: 'fields', fields: [{ label: 'Who', value: HOSTILE }] },
        { kind: 'quote', label: 'Why *this*', text: `line one ${HOSTILE}\nline two` },
        { kind: 'context', text: HOSTILE },
        { kind: 'actions', buttons: [{ action: 'ib:ap:1', label: 'Approve', style: 'primary' }, { action: 'ib:dc:1:n', label: 'x'.repeat(100) }] },
        { kind: 'divider' },
      ],
    };
    const { text, blocks } = renderMessage(view);
    expect(text).toBe(`New: ${escapeMrkdwn(HOSTILE)}`);
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: HOSTILE } });
    expect(blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(HOSTILE), verbatim: true } });
    expect(blocks[2]).toMatchObject({ type: 'section', fields: [{ type: 'mrkdwn', text: `*Who*\n${escapeMrkdwn(HOSTILE)}` }] });
    expect(blocks[3]).toMatchObject({ type: 'section', text: { text: `*Why this*\n>line one ${escapeMrkdwn(HOSTILE)}\n>line two` } });
    expect(blocks[4]).toMatchObject({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(HOSTILE) }] });
    const actions = blocks[5] as { elements: { action_id: string; text: { text: string }; style?: string }[] };
    expect(actions.elements.map((e) => e.action_id)).toEqual(['ib:ap:1', 'ib:dc:1:n']);
    expect(actions.elements[0]?.style).toBe('primary');
    expect(actions.elements[1]?.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
    expect(blocks[6]).toEqual({ type: 'divider' });
    // Only the header (plain_text) may carry the raw characters.
    expect(JSON.stringify(blocks.slice(1))).not.toContain('<!channel>');
  });

  it('keeps a message within 50 blocks and says there is more', () => {
    const view: View = { summary: 's', blocks: Array.from({ length: 80 }, (_, i) => ({ kind: 'text' as const, text: `row ${i}` })) };
    const blocks = renderBlocks(view);
    expect(blocks).toHaveLength(50);
    expect(blocks[49]).toMatchObject({ type: 'context', elements: [{ text: '…and more' }] });
  });

  it('cuts long text to Slack limits; a long quote continues over several sections', () => {
    const long = '<'.repeat(5000);
    const blocks = renderBlocks({ summary: 's', blocks: [{ kind: 'text', text: long }, { kind: 'quote', label: 'L', text: long }, { kind: 'header', text: long }] });
    const texts = blocks.map((b) => (b as { text: { text: string } }).text.text);
    expect(texts[0]?.length).toBeLessThanOrEqual(3000);
    const quoted = texts.slice(1, -1);
    expect(quoted.length).toBeGreaterThan(1);
    for (const t of quoted) expect(t.length).toBeLessThanOrEqual(3000);
    expect(quoted[0]).toMatch(/^\*L\*\n>/);
    expect(quoted.join('').match(/&lt;/g)).toHaveLength(5000); // nothing lost
    expect(texts.at(-1)?.length).toBeLessThanOrEqual(150);
    expect(blocks.at(-1)).toMatchObject({ type: 'header' });
  });

  it('splits a long quote at line ends, every piece still a quote, and stops at 10 sections', () => {
    const para = (i: number) => `Paragraph ${i}: ${'words and more words '.repeat(40)}`;
    const text = Array.from({ length: 12 }, (_, i) => para(i)).join('\n');
    const quoted = renderBlocks({ summary: 's', blocks: [{ kind: 'quote', label: 'Email', text }] }).map((b) => (b as { text: { text: string } }).text.text);
    expect(quoted.length).toBeGreaterThan(1);
    for (const t of quoted.slice(1)) expect(t.split('\n').every((line) => line.startsWith('>'))).toBe(true);
    expect(quoted.slice(1).every((t) => t.startsWith('>Paragraph '))).toBe(true); // cut where a line ended
    expect(quoted.join('\n').replace(/^\*Email\*\n/, '')).toBe(text.split('\n').map((l) => `>${l}`).join('\n'));

    const huge = renderBlocks({ summary: 's', blocks: [{ kind: 'quote', label: 'Email', text: 'x'.repeat(40_000) }] });
    expect(huge).toHaveLength(10);
    expect((huge[9] as { text: { text: string } }).text.text.endsWith('…')).toBe(true);
  });
});

describe('links', () => {
  const text = (url: string, label = 'Open the <draft>') =>
    (renderBlocks({ summary: 's', blocks: [{ kind: 'link', label, url }] })[0] as { text: { text: string } }).text.text;

  it('links mailto and https URLs, with an escaped label', () => {
    expect(text('mailto:ana@example.com?subject=Hi%20Ana&body=Hello')).toBe('<mailto:ana@example.com?subject=Hi%20Ana&body=Hello|Open the &lt;draft&gt;>');
    expect(text('https://example.com/x')).toBe('<https://example.com/x|Open the &lt;draft&gt;>');
  });

  it('shows only the label for a URL that could break out of the link or run script', () => {
    expect(text('https://x.test/a>|<!channel')).toBe('Open the &lt;draft&gt;');
    expect(text('javascript:alert(1)')).toBe('Open the &lt;draft&gt;');
  });

  it('keeps the address and subject of a mailto draft too long for Slack, and says so', () => {
    const body = encodeURIComponent('A long email. '.repeat(300));
    expect(text(`mailto:ana@example.com?subject=Hi%20Ana&body=${body}`, 'Open')).toBe(`<mailto:ana@example.com?subject=Hi%20Ana|Open> (${LINK_WITHOUT_BODY})`);
    expect(text(`https://example.com/${'x'.repeat(3000)}`, 'Open')).toBe('Open');
  });
});

describe('forms as modals', () => {
  const form: FormView = {
    action: 'ib:sr:7',
    title: 'Request an introduction please',
    intro: 'Asking <!here> Sam',
    submitLabel: 'Send request',
    fields: [{ id: 'howKnow', label: 'How?', hint: 'Where you met', placeholder: 'p'.repeat(200), multiline: true, minLength: 30, maxLength: 5000, value: 'typed' }],
  };

  it('has a short title, the action in private_metadata and one input per field', () => {
    const modal = renderModal(form);
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(modal.callback_id).toBe('ib_form');
    expect(formActionOf(modal.private_metadata ?? '')).toBe('ib:sr:7');
    expect(modal.blocks[1]).toMatchObject({
      type: 'input',
      block_id: 'howKnow',
      hint: { type: 'plain_text', text: 'Where you met' },
      element: { type: 'plain_text_input', action_id: 'howKnow', multiline: true, min_length: 30, max_length: 3000, initial_value: 'typed' },
    });
    const placeholder = (modal.blocks[1] as { element: { placeholder: { text: string } } }).element.placeholder.text;
    expect(placeholder.length).toBeLessThanOrEqual(150);
  });

  it('reads back only metadata it wrote', () => {
    expect(formActionOf('not json')).toBe('');
    expect(formActionOf('{"action":7}')).toBe('');
    expect(formActionOf('null')).toBe('');
  });
});
