import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SharedEntries } from '../../../src/sync/entries';

// The share box's promise ("…stay the same in your browsers") names what the room carries, and
// says what it does not: it promised turns, while speaking turns (a manual tap on Bo Kim) stayed in
// the browser that measured them, so the two panels showed different turns and talk shares.

const intro = (lang: 'en' | 'fi'): string =>
  (JSON.parse(readFileSync(join(__dirname, `../../../extension/_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>).syncIntro!.message;

describe('what live sharing promises', () => {
  it('names each kind of entry the room carries, and says speaking turns are not shared', () => {
    expect(Object.keys(SharedEntries.shape).sort()).toEqual(['captures', 'editedFrom', 'liveEvents', 'prompts', 'runEvents', 'votes', 'workshop']);
    const named = {
      en: { runEvents: 'phase and timer', liveEvents: 'raised hands and go-arounds', captures: 'captures', votes: 'votes', prompts: 'prompt cards', notShared: 'Speaking turns and talk time are measured in each browser and not shared' },
      fi: { runEvents: 'vaihe ja ajastin', liveEvents: 'viittaukset ja kierrokset', captures: 'kirjaukset', votes: 'äänet', prompts: 'vihjeet', notShared: 'Puheenvuorot ja puheajat mitataan kussakin selaimessa eikä niitä jaeta' },
    } as const;
    for (const lang of ['en', 'fi'] as const) for (const words of Object.values(named[lang])) expect(intro(lang)).toContain(words);
  });
});
