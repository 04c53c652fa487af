// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { useFocusAfter } from '../../../src/ui/panel/useFocusAfter';

// Pause gave way to Resume and focus fell to <body>: a keyboard user started again from the top.

/** Pause and Resume as the Script tab has them: one of the two at a time, the change arriving later. */
function mount() {
  let change: () => void = () => {};
  function Controls() {
    const [paused, setPaused] = useState(false);
    const focusAfter = useFocusAfter();
    change = () => setPaused((p) => !p);
    const to = (name: string) => () => document.querySelector<HTMLElement>(`[data-control="${name}"]`);
    return (
      <div>
        {paused ? (
          <button data-control="resume" onClick={(e) => focusAfter(e, to('pause'))}>Resume</button>
        ) : (
          <button data-control="pause" onClick={(e) => focusAfter(e, to('resume'))}>Pause</button>
        )}
        <input aria-label="Note" />
      </div>
    );
  }
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<Controls />, root);
  const press = (name: string) => {
    const button = document.querySelector<HTMLButtonElement>(`[data-control="${name}"]`)!;
    button.focus();
    button.click();
  };
  return { press, change: () => act(() => change()) };
}

describe('useFocusAfter', () => {
  it('moves focus to the control that takes the pressed one’s place, once it is drawn', () => {
    const { press, change } = mount();
    press('pause');
    expect(document.activeElement?.textContent).toBe('Pause');
    change();
    expect(document.activeElement?.textContent).toBe('Resume');
    press('resume');
    change();
    expect(document.activeElement?.textContent).toBe('Pause');
  });

  it('leaves focus where the user put it meanwhile', () => {
    const { press, change } = mount();
    press('pause');
    document.querySelector('input')!.focus();
    change();
    expect(document.activeElement?.tagName).toBe('INPUT');
  });
});
