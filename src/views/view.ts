// Views are plain data. Every string in them is plain text, never markup: each
// adapter's renderer escapes it for its platform, so user text cannot ping
// anyone or forge a link.

/** An opaque, encoded action id (see src/actions.ts); adapters round-trip it untouched. */
export type ActionId = string;

export interface Button {
  action: ActionId;
  label: string;
  style?: 'primary' | 'danger';
}

export interface Field {
  label: string;
  value: string;
}

export type Block =
  | { kind: 'header'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'fields'; fields: Field[] }
  /** Someone's own words, shown as a quotation with a label. */
  | { kind: 'quote'; label: string; text: string }
  | { kind: 'context'; text: string }
  | { kind: 'actions'; buttons: Button[] }
  /** A link the person opens (e.g. a mailto: draft); renderers may shorten what the platform cannot carry. */
  | { kind: 'link'; label: string; url: string }
  | { kind: 'divider' }
  /**
   * A line that names people: each person part is shown as a mention where the
   * platform has them (Slack `<@U…>`, Discord `<@id>`), else as their name.
   * The string parts are plain text like any other.
   */
  | { kind: 'mentions'; parts: (string | Person)[] };

/** Someone on the platform the view is sent on. */
export interface Person {
  userId: string;
  name: string;
}

export interface View {
  /** One line that stands for the whole view (notifications, plain-text fallbacks). */
  summary: string;
  blocks: Block[];
}

export interface FormField {
  id: string;
  label: string;
  hint: string;
  placeholder: string;
  multiline: boolean;
  minLength: number;
  maxLength: number;
  value?: string;
}

/** A modal form. `action` identifies what the submit means (see actions.ts). */
export interface FormView {
  action: ActionId;
  title: string;
  intro: string;
  submitLabel: string;
  fields: FormField[];
}

export type FieldErrors = Record<string, string>;

export function actionsOf(view: View): Button[] {
  return view.blocks.flatMap((b) => (b.kind === 'actions' ? b.buttons : []));
}
