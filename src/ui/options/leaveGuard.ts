// Unsaved edits on the options page: the script editor says while it has some, and whatever would
// take the user away from it (its own "Back to the list", another section of the page, closing the
// tab) asks first. "Back to the list" threw the edits away without a word (found in a walk-through
// of the options page).

import { t } from '../i18n';

let unsaved: (() => boolean) | undefined;

/** The editor's "do I have unsaved edits?"; undefined when it closes. */
export function setUnsavedCheck(check: (() => boolean) | undefined): void {
  unsaved = check;
}

/** Whether the user may leave what they are editing: nothing unsaved, or they said so when asked. */
export function mayLeave(): boolean {
  return !unsaved?.() || confirm(t('editorDiscardConfirm'));
}
