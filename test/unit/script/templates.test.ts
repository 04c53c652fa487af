import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScriptSchema, parseScriptJson, serializeScript, type Script } from '../../../src/script/schema';
import {
  DEFAULT_TEMPLATE_ID,
  TEMPLATES,
  TEMPLATE_PROMPT_CARD_IDS,
  instantiateTemplate,
  isTemplateId,
  listTemplates,
  type TemplateId,
} from '../../../src/script/templates';
import { citationKey, describeSource } from '../../../src/sources';
import { SEEDS_DIR, citedText } from '../sources/seeds';

const LANGS = ['fi', 'en'] as const;
const ids = TEMPLATES.map((t) => t.id);

function cited(source: { seed: string; lines?: string }): string {
  const text = citedText(source);
  expect(text, `${source.seed} ${source.lines}`).toBeDefined();
  return text!;
}

function allIds(script: Script): string[] {
  return [script.id, ...script.workshops.flatMap((w) => [w.id, ...w.phases.map((p) => p.id)])];
}

describe('listTemplates', () => {
  it('lists the four built-in templates with titles and descriptions in both languages', () => {
    const list = listTemplates();
    expect(list.map((t) => t.id)).toEqual(['change-dialogue-series', 'partners-co-development', 'virtual-meeting-50', 'open-process-close']);
    for (const summary of list) {
      for (const lang of LANGS) {
        expect(summary.title[lang].length).toBeGreaterThan(3);
        expect(summary.description[lang].length).toBeGreaterThan(40);
      }
      expect(summary.title.fi).not.toBe(summary.title.en);
    }
  });

  it('defaults to the Change Dialogue series', () => {
    expect(DEFAULT_TEMPLATE_ID).toBe('change-dialogue-series');
    expect(isTemplateId(DEFAULT_TEMPLATE_ID)).toBe(true);
    expect(isTemplateId('nope')).toBe(false);
  });
});

describe.each(ids)('template %s', (id: TemplateId) => {
  it.each(LANGS)('validates and round-trips in %s', (lang) => {
    const script = instantiateTemplate(id, lang);
    expect(ScriptSchema.safeParse(script).success).toBe(true);
    expect(script.lang).toBe(lang);
    expect(script.templateId).toBe(id);
    expect(parseScriptJson(serializeScript(script))).toEqual({ ok: true, script });
  });

  it('has the same structure in both languages, with the text translated', () => {
    const fi = instantiateTemplate(id, 'fi');
    const en = instantiateTemplate(id, 'en');
    const shape = (s: Script) => s.workshops.map((w) => w.phases.map((p) => [p.kind, p.durationSec, p.minDurationSec, p.promptCardIds, p.source]));
    expect(shape(fi)).toEqual(shape(en));
    fi.workshops.forEach((workshop, w) => {
      expect(workshop.title).not.toBe(en.workshops[w]!.title);
      workshop.phases.forEach((phase, p) => {
        const other = en.workshops[w]!.phases[p]!;
        expect(phase.facilitatorNotes).not.toBe(other.facilitatorNotes);
        expect(phase.participantInstructions).not.toBe(other.participantInstructions);
      });
    });
  });

  it('gives every phase notes, instructions and a goal, and uses only known prompt cards', () => {
    for (const lang of LANGS) {
      for (const phase of instantiateTemplate(id, lang).workshops.flatMap((w) => w.phases)) {
        expect(phase.goal.length, phase.title).toBeGreaterThan(10);
        expect(phase.facilitatorNotes.length, phase.title).toBeGreaterThan(60);
        expect(phase.participantInstructions.length, phase.title).toBeGreaterThan(15);
        for (const card of phase.promptCardIds) expect(TEMPLATE_PROMPT_CARD_IDS).toContain(card);
        if (phase.kind !== 'break') expect(phase.promptCardIds.length, phase.title).toBeGreaterThan(0);
      }
    }
  });

  it('cites a known publication, section and quote for every phase', () => {
    const script = instantiateTemplate(id, 'fi');
    for (const source of [script.source!, ...script.workshops.flatMap((w) => w.phases.map((p) => p.source!))]) {
      expect(source.lines).toBeDefined();
      for (const lang of LANGS) {
        const reference = describeSource(source, lang);
        expect(reference?.title, citationKey(source)).toBeTruthy();
        expect(reference?.section, citationKey(source)).toBeTruthy();
        expect(reference?.quote, citationKey(source)).toBeTruthy();
      }
    }
  });

  it('makes fresh ids every time', () => {
    const a = allIds(instantiateTemplate(id, 'fi'));
    const b = allIds(instantiateTemplate(id, 'fi'));
    expect(new Set(a).size).toBe(a.length);
    expect(a.filter((x) => b.includes(x))).toEqual([]);
  });
});

describe('template content', () => {
  it('Change Dialogue: three workshops following the seed', () => {
    const script = instantiateTemplate('change-dialogue-series', 'en');
    expect(script.workshops).toHaveLength(3);
    const [w1, w2, w3] = script.workshops as [Script['workshops'][0], Script['workshops'][0], Script['workshops'][0]];
    const cards = (w: typeof w1) => w.phases.flatMap((p) => p.promptCardIds);
    // Workshop 1: goal and introductions first, the development map in small groups, an intermediate task.
    expect(w1.phases[0]!.promptCardIds).toContain('trust-goal');
    expect(cards(w1)).toContain('trust-introductions');
    expect(w1.phases.filter((p) => p.kind === 'small-groups')).toHaveLength(2);
    expect(w1.phases.some((p) => p.kind === 'intermediate-task')).toBe(true);
    // Workshop 2 opens by unpacking the intermediate tasks and plans experiments in groups.
    expect(w2.phases[1]!.promptCardIds).toContain('intermediate-task');
    expect(w2.phases.some((p) => p.kind === 'breakout')).toBe(true);
    // Workshop 3 evaluates from three views and closes with next steps.
    expect(w3.phases.filter((p) => p.promptCardIds.includes('experiment-evaluate')).length).toBeGreaterThanOrEqual(4);
    expect(cards(w3)).toContain('close-what-who-when');

  });

  it('Partners model: preparation plus three joint meetings', () => {
    const script = instantiateTemplate('partners-co-development', 'fi');
    expect(script.workshops).toHaveLength(4);
  });

  it('50-minute meeting: 10-minute check-in, a protected clear close, 50 minutes in all', () => {
    const [workshop] = instantiateTemplate('virtual-meeting-50', 'fi').workshops;
    const phases = workshop!.phases;
    expect(phases.reduce((sum, p) => sum + p.durationSec, 0)).toBe(50 * 60);
    expect(phases[0]).toMatchObject({ durationSec: 600, promptCardIds: expect.arrayContaining(['checkin-10min']) });
    const close = phases.at(-1)!;
    expect(close.promptCardIds).toContain('close-what-who-when');
    expect(close.minDurationSec).toBe(close.durationSec);
  });

  it('Opening – processing – closing ends with the what/why/who/when/how close', () => {
    const phases = instantiateTemplate('open-process-close', 'fi').workshops[0]!.phases;
    const close = phases.at(-1)!;
    expect(close.promptCardIds).toEqual(['close-what-who-when']);
    expect(close.minDurationSec).toBe(close.durationSec);
  });
});

// These read the seed texts (test/fixtures/seeds, copied from the project's research).
describe('template citations against the seed texts',
  () => {
    it.each(ids)('%s cites line ranges inside an existing seed file', (id) => {
      const script = instantiateTemplate(id, 'fi');
      for (const source of [script.source!, ...script.workshops.flatMap((w) => w.phases.map((p) => p.source!))]) {
        expect(existsSync(resolve(SEEDS_DIR, source.seed))).toBe(true);
        expect(cited(source).trim(), citationKey(source)).not.toBe('');
      }
    });

    it('cites the passages the phases are built on', () => {
      const fi = instantiateTemplate('change-dialogue-series', 'fi');
      const map = fi.workshops[0]!.phases.find((p) => p.title.startsWith('Kehityskartta'))!;
      expect(cited(map.source!)).toMatch(/kehityskart/i);
      const evaluation = fi.workshops[2]!.phases.find((p) => p.title.startsWith('Yhteensovittaminen'))!;
      expect(cited(evaluation.source!)).toMatch(/yhteensovittami/i);
      expect(cited(instantiateTemplate('partners-co-development', 'fi').source!)).toMatch(
        /valmistelusta sekä\s+kolmesta \(3\) virtuaalisesta yhteistapaamisesta/,
      );
      const meeting = instantiateTemplate('virtual-meeting-50', 'fi').workshops[0]!.phases;
      expect(cited(meeting[0]!.source!)).toContain('10 minuuttia');
      expect(cited(meeting.at(-1)!.source!)).toContain('Selkeä lopetus');
      const close = instantiateTemplate('open-process-close', 'fi').workshops[0]!.phases.at(-1)!;
      expect(cited(close.source!)).toMatch(/mitä,\s*\n*\s*miksi, kuka, milloin ja\s*\n*\s*miten/);
    });
  },
);

describe('instantiateTemplate options', () => {
  it('sets the first workshop\'s planned start and end from its phases', () => {
    const script = instantiateTemplate('virtual-meeting-50', 'en', { plannedStart: '2025-03-03T10:00:00+02:00' });
    expect(script.workshops[0]).toMatchObject({ plannedStart: '2025-03-03T08:00:00.000Z', plannedEnd: '2025-03-03T08:50:00.000Z' });
    const series = instantiateTemplate('change-dialogue-series', 'en', { plannedStart: '2025-03-03T08:00:00Z' });
    expect(series.workshops[1]!.plannedStart).toBeUndefined();
  });

  it('rejects an unknown template or an unreadable date', () => {
    expect(() => instantiateTemplate('nope' as TemplateId, 'fi')).toThrow(RangeError);
    expect(() => instantiateTemplate('virtual-meeting-50', 'fi', { plannedStart: 'soon' })).toThrow(RangeError);
  });
});
