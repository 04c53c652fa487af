import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The focus ring of the extension pages must stand out from what it sits on, at least 3:1 (WCAG
// 1.4.11) in both colour schemes: the light pages' amber ring was 1.6:1 on white (found in a
// keyboard walk-through).

const css = readFileSync(new URL('../../../src/ui/shared/base.css', import.meta.url), 'utf8');

function variables(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/giu)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('focus ring contrast', () => {
  const light = variables(css.slice(css.indexOf(':root'), css.indexOf('@media (prefers-color-scheme: dark)')));
  const dark = { ...light, ...variables(css.slice(css.indexOf('@media (prefers-color-scheme: dark)'))) };

  it.each([
    ['light', light],
    ['dark', dark],
  ])('%s: the ring is at least 3:1 against the page, cards and notices', (_, vars) => {
    for (const background of ['bg', 'card', 'warn-bg']) expect(contrast(vars.focus!, vars[background]!), background).toBeGreaterThanOrEqual(3);
  });
});
