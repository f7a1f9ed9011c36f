// Views as terminal text. User text is stripped of control characters (an ANSI
// escape in a request could otherwise repaint the owner's terminal).
import type { Block, FormView, View } from '../../src/views/view.ts';

// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
export const safe = (s: string): string => s.replace(CONTROL, '');

export interface RenderedButton {
  number: number;
  action: string;
}

/** Renders a view; each button gets a number the user types to click it. */
export function renderView(view: View, nextNumber: () => number): { text: string; buttons: RenderedButton[] } {
  const lines: string[] = [];
  const buttons: RenderedButton[] = [];
  for (const block of view.blocks) lines.push(...renderBlock(block, nextNumber, buttons));
  return { text: lines.join('\n'), buttons };
}

function renderBlock(b: Block, nextNumber: () => number, buttons: RenderedButton[]): string[] {
  switch (b.kind) {
    case 'header':
      return [`== ${safe(b.text)} ==`];
    case 'text':
      return safe(b.text).split('\n');
    case 'context':
      return [`  (${safe(b.text)})`];
    case 'fields':
      return b.fields.map((f) => `  ${safe(f.label)}: ${safe(f.value)}`);
    case 'quote':
      return [`  ${safe(b.label)}:`, ...safe(b.text).split('\n').map((l) => `    > ${l}`)];
    case 'divider':
      return ['  ' + '-'.repeat(40)];
    case 'mentions':
      return safe(b.parts.map((p) => (typeof p === 'string' ? p : p.name)).join('')).split('\n');
    case 'link':
      return [`  ${safe(b.label)}: ${safe(b.url)}`];
    case 'actions':
      return [
        '  ' +
          b.buttons
            .map((btn) => {
              const number = nextNumber();
              buttons.push({ number, action: btn.action });
              return `[${number}] ${safe(btn.label)}`;
            })
            .join('   '),
      ];
  }
}

export function renderFormIntro(form: FormView): string {
  return [`== ${safe(form.title)} ==`, safe(form.intro), '(Type /cancel to stop; press Enter to keep a value shown in [brackets].)'].join('\n');
}
