// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { NumberField, parseWholeNumber } from '../../../src/ui/shared/NumberField';

// Number fields let the user retype them. The script editor's minutes field turned an emptied field
// into 1 at once, so deleting "25" and typing "15" gave "115" (a 15/5/20-minute plan was saved as
// 115/15/120); the prompt-card and retention fields stored 0 or showed a value never stored.

describe('parseWholeNumber', () => {
  it('takes whole numbers within the range only', () => {
    expect(parseWholeNumber('15', 1, 480)).toBe(15);
    expect(parseWholeNumber(' 480 ', 1, 480)).toBe(480);
    expect(['', '0', '481', '-5', '1.5', '1e3', 'abc', '99999999999'].map((s) => parseWholeNumber(s, 1, 480))).toEqual(Array(8).fill(undefined));
    expect(parseWholeNumber('0', 0, 3650)).toBe(0);
  });
});

/** A field and what its owner has stored, as the editor holds a phase's minutes. */
function mount(live: boolean) {
  const stored: number[] = [];
  function Owner() {
    const [value, setValue] = useState(25);
    return (
      <label>
        Minutes
        <NumberField min={1} max={480} live={live} value={value} onCommit={(n) => (stored.push(n), setValue(n))} />
      </label>
    );
  }
  const root = document.createElement('div');
  document.body.append(root);
  render(<Owner />, root);
  const input = root.querySelector('input')!;
  /** One keystroke's result: the field's new text and its input event. */
  const type = (text: string) =>
    act(() => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const leave = () =>
    act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      input.dispatchEvent(new Event('blur'));
    });
  return { root, input, stored, type, leave };
}

describe('NumberField', () => {
  it.each([true, false])('keeps an emptied field empty while the user retypes it (live %s)', async (live) => {
    const f = mount(live);
    act(() => void f.input.dispatchEvent(new Event('focus')));
    await f.type('2');
    await f.type('');
    expect(f.input.value).toBe('');
    // Not a mistake yet: nothing is said while the user is still typing.
    expect(f.root.querySelector('[role="alert"]')).toBeNull();
    await f.type('1');
    expect(f.input.value).toBe('1');
    await f.type('15');
    await f.leave();
    expect(f.input.value).toBe('15');
    expect(f.stored.at(-1)).toBe(15);
    expect(f.stored).not.toContain(115);
    f.root.remove();
  });

  it('says which numbers it takes, and keeps the stored one, when the text is not one of them', async () => {
    const f = mount(false);
    act(() => void f.input.dispatchEvent(new Event('focus')));
    await f.type('999');
    await f.leave();
    expect(f.stored).toEqual([]);
    expect(f.input.getAttribute('aria-invalid')).toBe('true');
    expect(f.root.querySelector('[role="alert"]')?.textContent).toBe('Enter a whole number from 1 to 480. In use: 25.');
    expect(f.input.getAttribute('aria-describedby')).toBe(f.root.querySelector('[role="alert"]')?.id);
    // Fixed, the message goes.
    act(() => void f.input.dispatchEvent(new Event('focus')));
    await f.type('30');
    await f.leave();
    expect(f.stored).toEqual([30]);
    expect(f.root.querySelector('[role="alert"]')).toBeNull();
    expect(f.input.hasAttribute('aria-invalid')).toBe(false);
    f.root.remove();
  });
});

describe('NumberField, announced', () => {

  // Found in a screen-reader walk-through: once the fields became text (so "12,5" could be refused
  // in words), they were announced as plain text boxes, with no range and no number.
  it('is announced as a spin button with its range and the number it holds', async () => {
    const f = mount(false);
    expect(f.input.getAttribute('role')).toBe('spinbutton');
    expect([f.input.getAttribute('aria-valuemin'), f.input.getAttribute('aria-valuemax'), f.input.getAttribute('aria-valuenow')]).toEqual(['1', '480', '25']);
    act(() => void f.input.dispatchEvent(new Event('focus')));
    await f.type('30');
    expect(f.input.getAttribute('aria-valuenow')).toBe('30');
    await f.type('12,5');
    expect(f.input.hasAttribute('aria-valuenow')).toBe(false);
    expect(f.input.getAttribute('aria-valuetext')).toBe('12,5');
    await f.leave();
    f.root.remove();
  });
});

describe('NumberField, live', () => {
  it('puts back the value it had when the user came to it if the text is left invalid', async () => {
    const f = mount(true);
    act(() => void f.input.dispatchEvent(new Event('focus')));
    await f.type('');
    await f.type('9');
    await f.type('99');
    await f.type('999');
    await f.leave();
    expect(f.stored).toEqual([9, 99, 25]);
    expect(f.root.querySelector('[role="alert"]')?.textContent).toBe('Enter a whole number from 1 to 480. In use: 25.');
    f.root.remove();
  });
});
