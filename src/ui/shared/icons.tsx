// Small inline icons: emoji glyphs are missing from many system fonts, so the few pictures the
// panel needs are drawn here. All are decorative; the buttons carry the accessible names.

export function HandIcon() {
  return (
    <svg data-icon width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 2a1.5 1.5 0 0 1 1.5 1.5V11h.5V4.5a1.5 1.5 0 0 1 3 0V12h.5V7a1.5 1.5 0 0 1 3 0v8.5C20.5 19.6 17.6 22 14 22h-1.2c-2.3 0-4.3-1.1-5.6-3l-3.8-5.6a1.5 1.5 0 0 1 2.4-1.8L8 14V5.5a1.5 1.5 0 0 1 3 0V11h-.5V3.5A1.5 1.5 0 0 1 12 2z"
      />
    </svg>
  );
}

export function TrashIcon() {
  return (
    <svg data-icon width="13" height="13" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M9 3h6l1 2h4v2H4V5h4l1-2zm-3 6h12l-1 12H7L6 9zm4 2v8h1.5v-8H10zm3.5 0v8H15v-8h-1.5z" />
    </svg>
  );
}
