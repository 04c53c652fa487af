import { describe, expect, it } from 'vitest';
import { FRAME_LABEL_KEYS } from '../../../src/content/labels';
import { ToContent } from '../../../src/messages/toContent';

// The one schema a site script checks what reaches it with (src/messages/toContent.ts).
const labels = Object.fromEntries(FRAME_LABEL_KEYS.map((key) => [key, `label ${key}`]));

describe('ToContent', () => {
  it('takes a message to the content script with its fields', () => {
    const parsed = ToContent.safeParse({ to: 'content', type: 'panel/set', collapsed: true, dock: 'left', hidden: false });
    expect(parsed.success && parsed.data).toEqual({ to: 'content', type: 'panel/set', collapsed: true, dock: 'left', hidden: false });
  });

  it('refuses a message to anyone else, or of a type it does not know', () => {
    expect(ToContent.safeParse({ to: 'panel', type: 'panel/toggle' }).success).toBe(false);
    expect(ToContent.safeParse({ type: 'panel/toggle' }).success).toBe(false);
    expect(ToContent.safeParse({ to: 'content', type: 'panel/destroy' }).success).toBe(false);
    expect(ToContent.safeParse({ to: 'content', type: 'panel/set', dock: 'float' }).success).toBe(false);
  });

  it('takes header labels only with every key, each a short text, and drops keys it does not know', () => {
    const parsed = ToContent.safeParse({ to: 'content', type: 'panel/labels', labels: { ...labels, onclick: 'alert(1)' } });
    expect(parsed.success && parsed.data.labels).toEqual(labels);
    const { panelHide: _, ...missing } = labels;
    expect(ToContent.safeParse({ to: 'content', type: 'panel/labels', labels: missing }).success).toBe(false);
    expect(ToContent.safeParse({ to: 'content', type: 'panel/labels', labels: { ...labels, panelHide: 3 } }).success).toBe(false);
    expect(ToContent.safeParse({ to: 'content', type: 'panel/labels', labels: { ...labels, panelHide: 'x'.repeat(301) } }).success).toBe(false);
    expect(ToContent.safeParse({ to: 'content', type: 'panel/labels', labels: [] }).success).toBe(false);
  });

  it('caps the selection text', () => {
    expect(ToContent.safeParse({ to: 'content', type: 'capture/quick', selectionText: 'x'.repeat(10_000) }).success).toBe(true);
    expect(ToContent.safeParse({ to: 'content', type: 'capture/quick', selectionText: 'x'.repeat(10_001) }).success).toBe(false);
  });
});
