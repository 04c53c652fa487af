import { useLayoutEffect, useRef } from 'preact/hooks';
import { now } from '../shared/clock';

/** Where focus should go, looked up once the change has been drawn. */
type FocusTarget = () => HTMLElement | null | undefined;

// The change a control asks for comes back from the background, usually within a few hundred ms.
const WAIT_MS = 5000;

/**
 * Keeps keyboard focus in the view when the pressed control disappears (Pause gives way to Resume,
 * a card is dismissed): focus fell to <body>, and a keyboard or screen-reader user started again
 * from the top of the panel. Call the returned function as the control is pressed, naming where
 * focus should go; focus moves there only once that control is gone (or disabled), and not if the
 * user has moved focus elsewhere meanwhile.
 */
export function useFocusAfter(): (event: Event, to: FocusTarget) => void {
  const pending = useRef<{ from: HTMLElement; to: FocusTarget; until: number } | undefined>(undefined);
  useLayoutEffect(() => {
    const wish = pending.current;
    if (!wish) return;
    const gone = !wish.from.isConnected || (wish.from instanceof HTMLButtonElement && wish.from.disabled);
    if (!gone) {
      if (now() > wish.until) pending.current = undefined;
      return;
    }
    pending.current = undefined;
    const focused = document.activeElement;
    if (focused && focused !== document.body && focused !== wish.from) return;
    wish.to()?.focus();
  });
  return (event, to) => {
    const from = event.currentTarget;
    if (from instanceof HTMLElement) pending.current = { from, to, until: now() + WAIT_MS };
  };
}
