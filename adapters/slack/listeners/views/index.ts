import type { App, ViewSubmitAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { FORM_CALLBACK_ID } from '../../render.ts';
import { submitForm } from './submit-form.ts';

export function register(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>({ callback_id: FORM_CALLBACK_ID, type: 'view_submission' }, submitForm(deps));
}
