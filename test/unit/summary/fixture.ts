import type { Capture } from '../../../src/capture/schema';
import type { WorkshopExport } from '../../../src/summary/model';

// A small workshop export for the summary tests, and a builder for captures.

const T0 = Date.UTC(2025, 10, 20, 10, 0, 0); // 20.11.2025 12.00 in Helsinki

let counter = 0;
export function uuid(n = ++counter): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function capture(partial: Partial<Capture> & { text: string }): Capture {
  const id = partial.id ?? uuid();
  return {
    id,
    workshopId: 'ws-1',
    kind: 'idea',
    tags: [],
    source: { type: 'hotkey' },
    createdAt: T0,
    updatedAt: T0,
    votes: 0,
    ...partial,
  };
}

export function sampleDoc(overrides: Partial<WorkshopExport> = {}): WorkshopExport {
  return {
    format: 'vuoro-workshop',
    schemaVersion: 1,
    exportedAt: T0 + 3 * 3600_000,
    lang: 'fi',
    workshop: {
      id: 'ws-1',
      title: 'Yhteiskehittäminen 2/4',
      goal: 'Sopia kokeiluista',
      date: '2025-11-20',
      seriesTitle: 'Kehittäjäverkosto',
      intermediateTask: 'Kokeile yhtä käytäntöä tiimissäsi',
    },
    agenda: [
      { phaseId: 'p-open', title: 'Avaus', kind: 'opening', plannedStartMs: T0, plannedSec: 600, actualStartMs: T0, actualEndMs: T0 + 720_000 },
      { phaseId: 'p-ideas', title: 'Ideointi', kind: 'diverge', plannedSec: 1800, actualSec: 1500 },
      { phaseId: 'p-close', title: 'Lopetus', kind: 'closing', plannedSec: 600 },
    ],
    participants: [
      { key: 'a', name: 'Aino' },
      { key: 'b', name: 'Bertil' },
    ],
    captures: [
      capture({ id: uuid(101), text: 'Lisää taukoja', phaseId: 'p-ideas', phaseTitle: 'Ideointi', votes: 3, createdAt: T0 + 1000 }),
      capture({ id: uuid(102), text: 'Kuka vastaa viestinnästä?', kind: 'question', phaseId: 'p-ideas', createdAt: T0 + 2000 }),
      capture({ id: uuid(103), text: 'Kokeillaan etäkahveja', kind: 'decision', phaseId: 'p-ideas', phaseTitle: 'Ideointi', createdAt: T0 + 3000, votes: 5 }),
      capture({ id: uuid(104), text: 'Varaa tila', kind: 'action', owner: 'Aino', due: '2025-12-01', phaseId: 'p-close', createdAt: T0 + 4000 }),
      capture({ id: uuid(105), text: 'Päivitä sivu', kind: 'action', phaseId: 'p-close', createdAt: T0 + 5000 }),
      capture({ id: uuid(106), text: 'Etäkahvit kahdesti viikossa', kind: 'experiment', phaseId: 'p-ideas', createdAt: T0 + 6000 }),
      capture({ id: uuid(107), text: 'Poistettu muistiinpano', phaseId: 'p-ideas', createdAt: T0 + 7000, deletedAt: T0 + 8000 }),
      capture({ id: uuid(108), text: 'Irrallinen huomio', kind: 'note', createdAt: T0 + 9000, source: { type: 'chat', author: 'Bertil' } }),
    ],
    promptsUsed: [{ cardId: 'card-voice', title: 'Kierros: jokainen sanoo yhden asian', phaseId: 'p-ideas', at: T0 + 900_000, action: 'used' }],
    participation: [
      { key: 'a', name: 'Aino', speakingSec: 300, share: 0.6, turns: 4 },
      { key: 'b', name: 'Bertil', speakingSec: 200, share: 0.4, turns: 3 },
    ],
    facilitatorShare: 0.25,
    balance: 0.8,
    includeParticipants: true,
    includeStats: true,
    ...overrides,
  };
}

export { T0 };
