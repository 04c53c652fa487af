import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

// A whole-number field that lets the user retype it. The fields before were controlled by the
// stored number and turned an empty field into a fallback at once (`Number('') || 1`), so deleting
// "25" and typing "15" gave "115": Backspace left "", the field became "1", and the typing went
// after it. Found in a walk-through of the script editor (a 15/5/20-minute plan was saved as
// 115/15/120). Here the typed text is kept as it is while the user types; it is committed when the
// user leaves the field (the change event), or live as typed where asked, and only if it is a whole
// number within the range; left invalid, the field says which numbers it takes, and the value in
// use stays.

/** The whole number `text` holds, if it is one within min..max. */
export function parseWholeNumber(text: string, min: number, max: number): number | undefined {
  const trimmed = text.trim();
  if (!/^-?\d{1,9}$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : undefined;
}

interface NumberFieldProps {
  value: number;
  min: number;
  max: number;
  step?: number;
  onCommit: (value: number) => void;
  /** Also commit each valid keystroke, not only on leaving the field (for totals shown live). */
  live?: boolean;
  'aria-label'?: string;
  'data-testid'?: string;
}

export function NumberField({ value, min, max, step, onCommit, live = false, ...rest }: NumberFieldProps) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const focused = useRef(false);
  // Live, each valid keystroke is committed ("9" and "99" on the way to "999"); a text left invalid
  // puts back the value the field had when the user came to it, so what is in use is what it says.
  const atFocus = useRef(value);
  // A stored value that changes while the field is not being typed in (the value was changed
  // elsewhere) replaces any draft; the field's own commits do not.
  const committed = useRef<number | undefined>(undefined);
  const commit = (n: number) => {
    committed.current = n;
    onCommit(n);
  };
  useEffect(() => {
    if (!focused.current && value !== committed.current) setDraft(undefined);
  }, [value]);
  /** The number the field shows, if its text is one it takes. */
  const shown = draft === undefined ? value : parseWholeNumber(draft, min, max);
  const invalid = shown === undefined;
  // Said once the user leaves the field with it invalid, not on the way ("" between "25" and "15"
  // is not a mistake yet, and an alert on every retype interrupts a screen reader).
  const [told, setTold] = useState(false);
  const errorId = useId();
  return (
    <>
      {/* Text, not type="number": Chromium's number field drops a decimal comma as it is typed, so
          "12,5" minutes became 125 with no word (a Finnish walk-through); here it stays as typed and
          is refused in words. The arrow keys still step, as a number field's did, and it is
          announced as one: a spin button with its range and the number it holds (a text being
          retyped that is not one of them is read as typed). */}
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        role="spinbutton"
        aria-valuemin={min}
        aria-valuemax={max}
        aria-valuenow={shown}
        aria-valuetext={shown === undefined ? draft : undefined}
        // As narrow as a number field was: room for the largest number the field takes.
        size={Math.max(3, String(max).length + 2)}
        {...rest}
        value={draft ?? String(value)}
        aria-invalid={told && invalid ? 'true' : undefined}
        aria-describedby={told && invalid ? errorId : undefined}
        onInput={(e) => {
          const text = e.currentTarget.value;
          setDraft(text);
          if (parseWholeNumber(text, min, max) !== undefined) setTold(false);
          const n = parseWholeNumber(text, min, max);
          if (live && n !== undefined && n !== value) commit(n);
        }}
        onChange={(e) => {
          const n = parseWholeNumber(e.currentTarget.value, min, max);
          if (n === undefined) {
            if (live && value !== atFocus.current) commit(atFocus.current);
            setTold(true);
            return;
          }
          setTold(false);
          if (n !== value) commit(n);
          setDraft(undefined);
        }}
        onKeyDown={(e) => {
          const by = e.key === 'ArrowUp' ? 1 : e.key === 'ArrowDown' ? -1 : 0;
          if (!by) return;
          e.preventDefault();
          const from = parseWholeNumber(e.currentTarget.value, min, max) ?? value;
          const n = Math.min(max, Math.max(min, from + by * (step ?? 1)));
          setDraft(undefined);
          setTold(false);
          if (n !== value) commit(n);
        }}
        onFocus={() => {
          focused.current = true;
          atFocus.current = value;
        }}
        onBlur={() => {
          focused.current = false;
        }}
      />
      {told && invalid && (
        <span class="field-error" role="alert" id={errorId}>
          {t('numberRange', { min, max, kept: value })}
        </span>
      )}
    </>
  );
}
