// Vuoro's facilitation kit for Excalidraw: an .excalidrawlib library (Excalidraw's library file,
// "type": "excalidrawlib", version 2) with the Change Dialogue's development map, an evaluation
// board for experiments, a dot-vote strip and a go-around ring, each in Finnish and English.
import { methodLabels } from '../series/labels';
import { type ExcalidrawShape, excalidrawFactory } from './excalidrawElements';
import type { Lang } from '../lang';


const LABELS = {
  fi: {
    map: methodLabels('fi').map,
    evaluation: 'Kokeilujen arviointi',
    evaluationColumns: ['Kokeilu', 'Mitä tapahtui', 'Mitä opimme', 'Miten jatketaan'],
    vote: 'Pisteäänestys',
    goAround: 'Kierros',
  },
  en: {
    map: methodLabels('en').map,
    evaluation: 'Evaluating the experiments',
    evaluationColumns: ['Experiment', 'What happened', 'What we learned', 'How we go on'],
    vote: 'Dot vote',
    goAround: 'Go-around',
  },
} as const;

export const KIT_ITEMS = ['map', 'evaluation', 'vote', 'goAround'] as const;

/** Words in lines of at most `width` characters, for a label in a narrow box. */
function wrap(text: string, width = 14): string {
  const lines: string[] = [];
  for (const word of text.split(/\s+/u)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

function developmentMap(lang: Lang): ExcalidrawShape[] {
  const l = LABELS[lang];
  const M = methodLabels(lang);
  const { text, shape, labelled } = excalidrawFactory(`vuoro-map-${lang}`);
  const [col, row, head, side] = [420, 320, 50, 200];
  const elements: ExcalidrawShape[] = [text(l.map, 0, -60, 2 * col + side, 40, null, 28)];
  [M.times.now, M.times.future].forEach((title, c) => elements.push(...labelled('rectangle', title, side + c * col, 0, col, head, '#e9ecef')));
  [M.dimensions.content, M.dimensions.ways].forEach((title, r) => {
    elements.push(...labelled('rectangle', wrap(title), 0, head + r * row, side, row, '#e9ecef'));
    for (let c = 0; c < 2; c++) elements.push(shape('rectangle', side + c * col, head + r * row, col, row));
  });
  return elements;
}

function evaluationBoard(lang: Lang): ExcalidrawShape[] {
  const l = LABELS[lang];
  const { text, shape, labelled } = excalidrawFactory(`vuoro-evaluation-${lang}`);
  const elements: ExcalidrawShape[] = [text(l.evaluation, 0, -60, 1200, 40, null, 28)];
  l.evaluationColumns.forEach((title, c) => {
    elements.push(...labelled('rectangle', title, c * 300, 0, 300, 60, '#b2f2bb'));
    elements.push(shape('rectangle', c * 300, 60, 300, 480));
  });
  return elements;
}

function dotVoteStrip(lang: Lang): ExcalidrawShape[] {
  const { text, shape } = excalidrawFactory(`vuoro-vote-${lang}`);
  const elements: ExcalidrawShape[] = [text(LABELS[lang].vote, 0, 0, 220, 30)];
  for (let i = 0; i < 5; i++) elements.push({ ...shape('ellipse', i * 44, 40, 32, 32), backgroundColor: '#e03131', strokeColor: '#e03131' });
  return elements;
}

function goAroundRing(lang: Lang): ExcalidrawShape[] {
  const { shape, labelled } = excalidrawFactory(`vuoro-goaround-${lang}`);
  const [cx, cy, r] = [220, 220, 170];
  const elements: ExcalidrawShape[] = [...labelled('ellipse', LABELS[lang].goAround, cx - 90, cy - 60, 180, 120, '#a5d8ff')];
  for (let i = 0; i < 8; i++) {
    const a = (i / 8) * 2 * Math.PI - Math.PI / 2;
    elements.push({ ...shape('ellipse', Math.round(cx + r * Math.cos(a) - 30), Math.round(cy + r * Math.sin(a) - 30), 60, 60), backgroundColor: '#ffec99' });
  }
  return elements;
}

const BUILD = { map: developmentMap, evaluation: evaluationBoard, vote: dotVoteStrip, goAround: goAroundRing } as const;

/** The kit as an .excalidrawlib file: one library item per piece and language. */
export function facilitationKit(): string {
  const libraryItems = (['fi', 'en'] as const).flatMap((lang) =>
    KIT_ITEMS.map((item) => ({
      id: `vuoro-${item}-${lang}`,
      status: 'published',
      created: 1,
      name: `${lang === 'fi' ? LABELS.fi[item] : LABELS.en[item]} (${lang})`,
      elements: BUILD[item](lang),
    })),
  );
  return JSON.stringify({ type: 'excalidrawlib', version: 2, source: 'vuoro', libraryItems }, null, 2);
}
