// Core FormViews as Discord modals: a title of at most 45 characters, at most
// 5 components, labelled text inputs (label 45, description 100, placeholder
// 100, lengths 4,000). Plain JSON; showModal sends it as it is.
import {
  ComponentType,
  TextInputStyle,
  type APILabelComponent,
  type APIModalInteractionResponseCallbackData,
  type APITextDisplayComponent,
} from 'discord.js';
import type { FormField, FormView } from '../../src/views/view.ts';
import { LIMITS } from './limits.ts';
import { clip, escapeText } from './text.ts';

/**
 * A FormView as a modal: one labelled text input per field, and on top, when
 * there is room, a text block with the intro and any hint too long for a
 * label's 100-character description (the request form's hints carry examples).
 */
export function renderModal(form: FormView): APIModalInteractionResponseCallbackData {
  const fields = form.fields.slice(0, LIMITS.modalComponents);
  const inputs = fields.map(textInput);
  const guide = guideText(form.intro, fields);
  const top: APITextDisplayComponent[] =
    guide && inputs.length < LIMITS.modalComponents ? [{ type: ComponentType.TextDisplay, content: clip(guide, LIMITS.inputLength) }] : [];
  return { custom_id: form.action, title: clip(form.title, LIMITS.modalTitle), components: [...top, ...inputs] };
}

const fitsDescription = (hint: string) => hint.length <= LIMITS.labelDescription;

function guideText(intro: string, fields: FormField[]): string {
  const longHints = fields.filter((f) => f.hint && !fitsDescription(f.hint)).map((f) => `**${escapeText(f.label)}** ${escapeText(f.hint)}`);
  return [escapeText(intro), ...longHints].filter(Boolean).join('\n\n');
}

function textInput(f: FormField): APILabelComponent {
  const max = Math.min(Math.max(1, f.maxLength), LIMITS.inputLength);
  const min = Math.min(Math.max(0, f.minLength), max);
  return {
    type: ComponentType.Label,
    label: clip(f.label, LIMITS.inputLabel),
    ...(f.hint && fitsDescription(f.hint) ? { description: f.hint } : {}),
    component: {
      type: ComponentType.TextInput,
      custom_id: f.id,
      style: f.multiline ? TextInputStyle.Paragraph : TextInputStyle.Short,
      required: min > 0,
      min_length: min,
      max_length: max,
      ...(f.placeholder ? { placeholder: clip(f.placeholder, LIMITS.placeholder) } : {}),
      // What was typed comes back as typed; Discord refuses a value longer than max_length.
      ...(f.value ? { value: f.value.slice(0, max) } : {}),
    },
  };
}
