import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxNoEval, zodJitless } from '../../../scripts/vite-no-eval';

// No Function constructor may ship: every zod core file, as the build transforms it, has none,
// and the global config starts jitless. Fails when zod moves its eval to a form the plugin misses.

const coreDir = join(dirname(createRequire(import.meta.url).resolve('zod/v4/core')), '.');
const constructs = /\bnew Function\b|=\s*Function\s*[;,)]|\bFunction\s*\(/;

describe('zod built jitless', () => {
  const files = readdirSync(coreDir).filter((f) => f.endsWith('.js'));

  it('finds the zod core files', () => {
    expect(files).toContain('core.js');
    expect(files).toContain('doc.js');
  });

  for (const file of files) {
    it(`${file} has no Function constructor after the transform`, () => {
      const path = join(coreDir, file);
      const source = readFileSync(path, 'utf8');
      const built = zodJitless(source, path) ?? source;
      for (const line of built.split('\n').filter((l) => !l.trim().startsWith('//') && !l.trim().startsWith('*'))) {
        expect(line).not.toMatch(constructs);
      }
    });
  }

  it('starts the global config jitless', () => {
    const path = join(coreDir, 'core.js');
    expect(zodJitless(readFileSync(path, 'utf8'), path)).toContain('__zod_globalConfig = { jitless: true }');
  });
});

describe('docx built without eval', () => {
  const path = createRequire(import.meta.url).resolve('docx').replace(/index\.[cm]?js$/, 'index.mjs');
  const source = readFileSync(path, 'utf8');
  // A call of the Function constructor with code in a string (get-intrinsic calls it as $Function).
  const evals = /\bnew Function\b|(?<![.\w])\$?Function\s*\(\s*["'`]|"%eval%":\s*eval\b/;

  it('the bundle as published builds functions from strings (so this test can fail)', () => {
    expect(source).toMatch(evals);
  });

  it('has none after the transform, and keeps get-intrinsic\'s %Function% intact', () => {
    const built = docxNoEval(source, path) ?? source;
    expect(built).not.toMatch(evals);
    expect(built).toContain('var $Function = Function;');
    expect(built.startsWith('var __vuoroNoEval = function')).toBe(true);
  });
});
