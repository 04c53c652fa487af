/** Saves text as a file through the browser's download UI (no permission needed). */
export function downloadText(text: string, fileName: string, mime: string): void {
  downloadBytes(text, fileName, mime);
}

/** Saves text or bytes (a .docx) as a file through the browser's download UI. */
export function downloadBytes(data: string | Uint8Array<ArrayBuffer>, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([data], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A file name from untrusted text, as the person would have typed it: letters with their accents
 * ("Työpaja 1", not "Tyo-paja-1"), digits, spaces, dashes and underscores; anything a file system or
 * a download prompt could misread (slashes, colons, dots, control characters) becomes a space.
 */
export function safeFileName(title: string, extension: string): string {
  const base =
    [...title.normalize('NFC').replace(/[^\p{L}\p{M}\p{N} _-]+/gu, ' ').replace(/\s+/g, ' ').trim()]
      .slice(0, 80)
      .join('')
      .trim() || 'vuoro';
  return `${base}.${extension}`;
}
