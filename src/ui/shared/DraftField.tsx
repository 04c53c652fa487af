import { useEffect, useRef, useState } from 'preact/hooks';

// A text field whose stored value is saved when the user leaves it (the change event), and that
// keeps what the user is typing meanwhile. A field controlled by the stored value alone lost the
// text being typed whenever anything made the view draw again before the save: Preact sets a
// controlled field back to its value on every render, and the series views draw again on every
// store change (the previous field's own save included). Found in an English walk-through of the
// workshop 3 evaluation: "Employees liked it" was stored as "it".

/** What the fields are given besides the value: plain attributes, passed on as they are. */
interface FieldProps {
  value: string;
  onCommit: (value: string) => void;
  maxLength?: number;
  placeholder?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

/**
 * The value, input, change and focus handlers of a field: the draft lives from the first keystroke
 * until the stored value changes (the save arrived, or someone else's) while the field is not being
 * typed in; a stored value changing under the user's typing does not replace the typing.
 */
function useDraft(value: string, onCommit: (value: string) => void) {
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(undefined);
  }, [value]);
  return {
    value: draft ?? value,
    onInput: (e: Event) => setDraft((e.currentTarget as HTMLInputElement).value),
    onChange: (e: Event) => onCommit((e.currentTarget as HTMLInputElement).value),
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
    },
  };
}

/** An input saved on change that keeps the user's typing (see above). */
export function DraftField({ value, onCommit, ...rest }: FieldProps & { list?: string }) {
  return <input type="text" {...rest} {...useDraft(value, onCommit)} />;
}

/** A textarea saved on change that keeps the user's typing (see above). */
export function DraftTextarea({ value, onCommit, ...rest }: FieldProps & { rows?: number }) {
  return <textarea {...rest} {...useDraft(value, onCommit)} />;
}
