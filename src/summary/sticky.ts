import { type Capture, isLive } from '../capture/schema';
import { escapeHtml, withoutBidiControls } from './escape';
import { ProgressTracker, runSteps, type OnProgress, type RenderSteps } from './progress';

// The plain-text notes (the CLI's `sticky` format, and text/plain of "Copy to the whiteboard"): one
// line per capture, so a reader or a board that splits lines sees one note each. Line breaks and
// tabs inside a capture collapse to spaces (a tab would make some boards paste a table). Plain text
// alone is not enough for every board: tldraw pastes multi-line text as one text shape, so
// Excalidraw and tldraw get their own clipboard formats (boardClipboard.ts).

/** One capture's text as one note line; empty when nothing is left. */
export function stickyNoteText(text: string): string {
  // An override would turn the vote count after the text round, as in the other formats.
  return withoutBidiControls(text)
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function renderStickyNotes(captures: readonly Capture[], opts: { onProgress?: OnProgress } = {}): string {
  return runSteps(stickySteps(captures), opts.onProgress);
}

/** The same notes for the clipboard's text/html flavour, one paragraph each. */
export function renderStickyNotesHtml(captures: readonly Capture[]): string {
  return notes(captures)
    .map((note) => `<p>${escapeHtml(note)}</p>`)
    .join('');
}

export function* stickySteps(captures: readonly Capture[]): RenderSteps {
  const live = captures.filter(isLive);
  const progress = new ProgressTracker(live.length);
  const lines = (yield* progress.map(live, (c) => stickyNoteText(c.text))).filter(Boolean);
  yield* progress.finish();
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function notes(captures: readonly Capture[]): string[] {
  return captures
    .filter(isLive)
    .map((c) => stickyNoteText(c.text))
    .filter(Boolean);
}
