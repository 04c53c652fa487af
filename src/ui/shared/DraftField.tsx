import { useEffect, useRef, useState } from 'preact/hooks';

// A text field whose stored value is saved when the user leaves it (the change event), and that
// keeps what the user is typing meanwhile. A field controlled by the stored value alone lost the
// text being typed whenever anything made the view draw again before the save: Preact sets a
// controlled field back to its value on every render, and the series views draw again on every
// store change (the previous field's own save included). Found in an English walk-through of the
// workshop 3 evaluation: "Employees liked it" was stored as "it".

type Common = { value: string; onCommit: (value: string) => void };
/** What the fields here are given besides the value: plain attributes, passed on as they are. */
interface FieldAttributes {
  maxLength?: number;
  placeholder?: string;
  'aria-label'?: string;
  'data-testid'?: string;
  id?: string;
  class?: string;
  onFocus?: (e: FocusEvent) => void;
  onBlur?: (e: FocusEvent) => void;
}
type InputProps = Common & FieldAttributes & { list?: string; type?: 'text' | 'search' };
type TextareaProps = Common & FieldAttributes & { rows?: number };

/**
 * The draft lives from the first keystroke until the stored value changes (the save arrived, or
 * someone else's) while the field is not being typed in; a stored value changing under the user's
 * typing does not replace the typing.
 */
export function useDraft(value: string): { shown: string; onInput: (text: string) => void; onFocus: () => void; onBlur: () => void } {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(undefined);
  }, [value]);
  return {
    shown: draft ?? value,
    onInput: (text) => setDraft(text),
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
    },
  };
}

function useDraftHandlers(value: string, onCommit: (value: string) => void, onFocus?: (e: FocusEvent) => void, onBlur?: (e: FocusEvent) => void) {
  const draft = useDraft(value);
  return {
    value: draft.shown,
    onInput: (e: Event) => draft.onInput((e.currentTarget as HTMLInputElement).value),
    onChange: (e: Event) => onCommit((e.currentTarget as HTMLInputElement).value),
    onFocus: (e: FocusEvent) => {
      draft.onFocus();
      onFocus?.(e);
    },
    onBlur: (e: FocusEvent) => {
      draft.onBlur();
      onBlur?.(e);
    },
  };
}

/** An input saved on change that keeps the user's typing (see above). */
export function DraftField({ value, onCommit, onFocus, onBlur, ...rest }: InputProps) {
  const handlers = useDraftHandlers(value, onCommit, onFocus, onBlur);
  return <input {...rest} {...handlers} />;
}

/** A textarea saved on change that keeps the user's typing (see above). */
export function DraftTextarea({ value, onCommit, onFocus, onBlur, ...rest }: TextareaProps) {
  const handlers = useDraftHandlers(value, onCommit, onFocus, onBlur);
  return <textarea {...rest} {...handlers} />;
}
