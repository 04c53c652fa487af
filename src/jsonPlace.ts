// Where a file picked for import stopped being JSON, for the script and the workshop imports alike.

/**
 * Where a file stopped being JSON, as "line:column" (1-based), "empty" for a file of nothing, or
 * undefined when the engine does not say. The engine's own message was shown as it was, English
 * inside a Finnish error ("Expected double-quoted property name in JSON at position 15"). Chromium
 * writes "position 15 (line 1 column 16)", Firefox "at line 1 column 16", Node "position 15".
 */
export function jsonErrorPlace(text: string, error: unknown): string | undefined {
  if (!text.trim()) return 'empty';
  const message = error instanceof Error ? error.message : String(error);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `${lineColumn[1]}:${lineColumn[2]}`;
  const position = /position (\d+)/.exec(message);
  if (!position) return undefined;
  const before = text.slice(0, Number(position[1])).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}
