import type { CaptureKind, CaptureSource } from '../capture/schema';

// The summary's own fi/en strings: an export speaks the workshop's language whatever the UI's,
// and the CLI bundles only these words, not the extension's whole UI catalog.

import type { Lang } from '../lang';
import type { PromptAction } from '../prompts/rules';

export { LANGS, type Lang } from '../lang';
export type { PromptAction };
export type ParseErrorCode = 'not-json' | 'too-large' | 'wrong-format' | 'script-file' | 'unsupported-version' | 'invalid-field';

interface Labels {
  summaryOf: string;
  date: string;
  series: string;
  exported: string;
  goal: string;
  participants: string;
  agenda: string;
  phase: string;
  start: string;
  plannedStart: string;
  planned: string;
  actual: string;
  delta: string;
  total: string;
  notRun: string;
  captures: string;
  noCaptures: string;
  noPhase: string;
  decisions: string;
  experiments: string;
  actions: string;
  owner: string;
  due: string;
  noOwner: string;
  intermediateTask: string;
  topVoted: string;
  votes: string;
  promptsUsed: string;
  participation: string;
  speakingTime: string;
  share: string;
  turns: string;
  balance: string;
  theme: string;
  tags: string;
  source: string;
  author: string;
  capturedBy: string;
  created: string;
  kind: string;
  text: string;
  id: string;
  generatedBy: string;
  introduction: string;
  decisionsAndActions: string;
  unthemed: string;
  /** The title before the notes outside every frame (map field, go-around turn) in "Copy to the whiteboard"'s lines. */
  boardRest: string;
  planSentence: Record<'not-run' | 'in-progress' | 'ended-early' | 'over' | 'under' | 'on-time', string>;
  /** A phase not begun yet in a workshop still running. */
  notYet: string;
  /** The time so far of the phase still running when exported. */
  soFar: string;
  reschedules: string;
  rescheduleExtend: string;
  rescheduleShorten: string;
  rescheduleFit: string;
  rescheduleEnd: string;
  /** A pause: its span, then its length. */
  reschedulePause: string;
  /** A pause not yet over when exported. */
  reschedulePaused: string;
  cardsUsed: string;
  cardUsedTimes: string;
  cardUsedOnce: string;
  cardsShownNotUsed: string;
  /** No card was used: "other" would say some were. */
  cardsShownNoneUsed: string;
  facilitation: string;
  turnsSentence: string;
  facilitatorShareSentence: string;
  /** When none of the facilitators' own speech was recorded. */
  facilitatorShareUnrecordedSentence: string;
  balanceSentence: string;
  handsSentence: string;
  handsWaitSentence: string;
  floorGrants: string;
  floorGrantLine: string;
  goAroundSentence: string;
  goAroundSkipped: string;
  waited: string;
  kinds: Record<CaptureKind, { one: string; many: string }>;
  sources: Record<CaptureSource['type'], string>;
  promptActions: Record<PromptAction, string>;
  parseErrors: Record<ParseErrorCode, string>;
  /** A file of a version Vuoro does not read, with the version it says it is ({0}). */
  parseVersion: string;
  /** A file that is not JSON, with where it goes wrong: line {0}, character {1}. */
  parseNotJsonAt: string;
  /** A file of nothing (or only spaces). */
  parseEmpty: string;
  /** What an invalid field of an imported file should hold ({0}: a bound, a type, the allowed values). */
  fieldProblems: {
    type: string;
    types: Record<'string' | 'number' | 'int' | 'boolean' | 'array' | 'object', string>;
    empty: string;
    minChars: string;
    maxChars: string;
    min: string;
    max: string;
    oneOf: string;
    unknown: string;
    format: string;
    invalid: string;
  };
  cli: {
    usage: string;
    unknownCommand: string;
    unknownFormat: string;
    unknownLang: string;
    unknownOption: string;
    missingValue: string;
    missingFile: string;
    cannotRead: string;
    /** A system error code's words (the rest show their code). */
    systemErrors: Record<'ENOENT' | 'EISDIR' | 'EACCES' | 'EPERM' | 'ENOTDIR' | 'ENOSPC' | 'EROFS', string>;
    cannotWrite: string;
    invalidFile: string;
    merged: string;
    conflict: string;
  };
}

const fi: Labels = {
  summaryOf: 'Yhteenveto',
  date: 'Päivämäärä',
  series: 'Sarja',
  exported: 'Viety',
  goal: 'Tavoite',
  participants: 'Osallistujat',
  agenda: 'Ohjelma: suunniteltu ja toteutunut',
  phase: 'Vaihe',
  start: 'Alku',
  plannedStart: 'Suunniteltu alku',
  planned: 'Suunniteltu',
  actual: 'Toteutunut',
  delta: 'Ero',
  total: 'Yhteensä',
  notRun: 'ei pidetty',
  notYet: 'ei vielä',
  soFar: '{0} (käynnissä)',
  captures: 'Muistiinpanot vaiheittain',
  noCaptures: 'Ei muistiinpanoja.',
  noPhase: 'Ilman vaihetta',
  decisions: 'Päätökset',
  experiments: 'Kokeilut',
  actions: 'Toimenpiteet',
  owner: 'Vastuuhenkilö',
  due: 'Määräaika',
  noOwner: 'ei nimetty',
  intermediateTask: 'Välitehtävä',
  topVoted: 'Eniten ääniä',
  votes: 'Äänet',
  promptsUsed: 'Käytetyt kortit',
  participation: 'Puheenvuorot',
  speakingTime: 'Puheaika',
  share: 'Osuus',
  turns: 'Puheenvuoroja',
  balance: 'Tasapuolisuus',
  theme: 'Teema',
  tags: 'Tunnisteet',
  source: 'Lähde',
  author: 'Kirjoittaja',
  capturedBy: 'Kirjaaja',
  created: 'Luotu',
  kind: 'Tyyppi',
  text: 'Teksti',
  // Not "Tunniste": the tags' column is "Tunnisteet", and a reader could not tell the two apart.
  id: 'Tunnus',
  generatedBy: 'Tehty Vuorolla',
  introduction: 'Johdanto',
  decisionsAndActions: 'Päätökset ja toimenpiteet',
  unthemed: 'Muut',
  boardRest: 'Muut laput',
  planSentence: {
    'not-run': 'Suunniteltu kesto {0}. Työpajaa ei pidetty.',
    'in-progress': 'Suunniteltu kesto {0}. Työpaja on vielä käynnissä: {2}/{3} vaihetta aloitettu, kesto tähän mennessä {1}.',
    'ended-early': 'Suunniteltu kesto {0}, toteutui {1}: työpaja päättyi ennen suunniteltua ({2}/{3} vaihetta pidettiin).',
    over: 'Suunniteltu kesto {0}, toteutui {1}: {2} yli suunnitellun.',
    under: 'Suunniteltu kesto {0}, toteutui {1}: {2} suunniteltua lyhyempi.',
    'on-time': 'Suunniteltu kesto {0}, toteutui {1}: aikataulussa.',
  },
  reschedules: 'Aikataulumuutokset',
  rescheduleExtend: 'klo {0}: vaiheelle ”{1}” lisättiin {2}.',
  rescheduleShorten: 'klo {0}: vaiheesta ”{1}” otettiin pois {2}.',
  rescheduleFit: 'klo {0}: loput vaiheet sovitettiin aikaan: {1}.',
  rescheduleEnd: 'klo {0}: päättymisaika siirrettiin klo {1}.',
  reschedulePause: 'klo {0}: työpaja oli tauolla {1}, jota ei laskettu vaiheiden kestoon.',
  reschedulePaused: 'klo {0}: työpaja pysäytettiin tauolle.',
  cardsUsed: 'Käytetyt kortit',
  cardUsedTimes: '{0} kertaa',
  cardUsedOnce: 'kerran',
  cardsShownNotUsed: 'Muita näytettyjä mutta käyttämättä jääneitä kortteja: {0}.',
  cardsShownNoneUsed: 'Näytetyistä korteista ({0}) yhtäkään ei käytetty.',
  facilitation: 'Huomio fasilitoinnista',
  turnsSentence: 'Puheenvuoroja: {0}. Puhujia: {1}.',
  facilitatorShareSentence: 'Fasilitoinnin osuus puheajasta oli {0}.',
  facilitatorShareUnrecordedSentence: 'Fasilitoinnin puhetta ei tallentunut, joten sen osuutta puheajasta ei esitetä.',
  balanceSentence: 'Puheajan tasaisuus: {0} (100 % = kaikki puhuivat yhtä paljon).',
  handsSentence: 'Viittauksia, joista annettiin puheenvuoro jonosta: {0}.',
  handsWaitSentence: 'Odotus oli keskimäärin {0}, pisimmillään {1}.',
  floorGrants: 'Puheenvuoron saivat jonosta',
  floorGrantLine: 'klo {0} {1} (odotti {2})',
  goAroundSentence: 'Kierros klo {0}, {2} kullekin: puhujia {1}.',
  goAroundSkipped: 'Ohitettuja: {0}.',
  waited: 'odotti',
  kinds: {
    idea: { one: 'Idea', many: 'Ideat' },
    question: { one: 'Kysymys', many: 'Kysymykset' },
    decision: { one: 'Päätös', many: 'Päätökset' },
    action: { one: 'Toimenpide', many: 'Toimenpiteet' },
    experiment: { one: 'Kokeilu', many: 'Kokeilut' },
    risk: { one: 'Riski', many: 'Riskit' },
    note: { one: 'Muistiinpano', many: 'Muistiinpanot' },
  },
  sources: {
    hotkey: 'pikanäppäin',
    selection: 'valinta',
    chat: 'chat',
    whiteboard: 'valkotaulu',
    manual: 'käsin',
    import: 'tuonti',
    paste: 'liitetty',
  },
  promptActions: { shown: 'näytetty', used: 'käytetty', dismissed: 'ohitettu', snoozed: 'siirretty myöhemmäksi' },
  parseErrors: {
    'not-json': 'Tiedosto ei ole JSON-muotoinen.',
    'too-large': 'Tiedosto on liian suuri (yli 64 Mt).',
    'wrong-format': 'Tiedosto ei ole Vuoron työpajavienti.',
    'script-file': 'Tiedosto on Vuoron käsikirjoitus: tuo se kohdassa Käsikirjoitukset.',
    'unsupported-version': 'Tiedoston versiota ei tueta.',
    'invalid-field': 'Virheellinen kenttä',
  },
  parseVersion: 'Tiedoston versiota {0} ei tueta.',
  parseNotJsonAt: 'Tiedosto ei ole kelvollista JSONia: virhe rivillä {0}, merkin {1} kohdalla.',
  parseEmpty: 'Tiedosto on tyhjä.',
  fieldProblems: {
    type: 'pitäisi olla {0}',
    types: { string: 'tekstiä', number: 'luku', int: 'kokonaisluku', boolean: 'tosi tai epätosi', array: 'luettelo', object: 'joukko kenttiä' },
    empty: 'tyhjä',
    minChars: 'vähintään {0} merkkiä',
    maxChars: 'enintään {0} merkkiä',
    min: 'vähintään {0}',
    max: 'enintään {0}',
    oneOf: 'jokin näistä: {0}',
    unknown: 'Vuoro ei tunne tätä kenttää',
    format: 'muoto ei kelpaa',
    invalid: 'ei kelpaa',
  },
  cli: {
    usage: [
      'Käyttö:',
      '  vuoro summary <tiedosto.json> [--format md|html|docx|csv|json|sticky] [--lang fi|en] [--out tiedosto]',
      '  vuoro merge <perus.json> <tuotava.json> [--out yhdistetty.json] [--lang fi|en]',
      '  vuoro signal [--port 4444] [--host 127.0.0.1]   (live-jaon yhteyspalvelin)',
    ].join('\n'),
    unknownCommand: 'Tuntematon komento: {0}',
    unknownFormat: 'Tuntematon muoto: {0} (md, html, docx, csv, json tai sticky)',
    unknownLang: 'Tuntematon kieli: {0} (fi tai en)',
    unknownOption: 'Tuntematon valitsin: {0}',
    missingValue: 'Valitsimelta {0} puuttuu arvo',
    missingFile: 'Tiedosto puuttuu',
    cannotRead: 'Tiedostoa {0} ei voi lukea: {1}',
    systemErrors: {
      ENOENT: 'kansiota tai tiedostoa ei ole',
      EISDIR: 'se on kansio',
      EACCES: 'käyttöoikeus puuttuu',
      EPERM: 'oikeus puuttuu',
      ENOTDIR: 'polku ei ole kansio',
      ENOSPC: 'levy on täynnä',
      EROFS: 'levylle ei voi kirjoittaa',
    },
    cannotWrite: 'Tiedostoon {0} ei voi kirjoittaa: {1}',
    invalidFile: 'Tiedosto {0} ei kelpaa:',
    merged: 'Yhdistetty: {0} uutta, {1} päivitetty, {2} kaksoiskappaletta ohitettu, {3} ristiriitaa',
    conflict: 'Ristiriita: {0} ({1})',
  },
};

const en: Labels = {
  summaryOf: 'Summary',
  date: 'Date',
  series: 'Series',
  exported: 'Exported',
  goal: 'Goal',
  participants: 'Participants',
  agenda: 'Agenda: planned and actual',
  phase: 'Phase',
  start: 'Start',
  plannedStart: 'Planned start',
  planned: 'Planned',
  actual: 'Actual',
  delta: 'Difference',
  total: 'Total',
  notRun: 'not run',
  notYet: 'not yet',
  soFar: '{0} (running)',
  captures: 'Notes by phase',
  noCaptures: 'No notes.',
  noPhase: 'No phase',
  decisions: 'Decisions',
  experiments: 'Experiments',
  actions: 'Actions',
  owner: 'Owner',
  due: 'Due',
  noOwner: 'not named',
  intermediateTask: 'Intermediate task',
  topVoted: 'Most votes',
  votes: 'Votes',
  promptsUsed: 'Prompt cards used',
  participation: 'Participation',
  speakingTime: 'Speaking time',
  share: 'Share',
  turns: 'Turns',
  balance: 'Balance',
  theme: 'Theme',
  tags: 'Tags',
  source: 'Source',
  author: 'Author',
  capturedBy: 'Captured by',
  created: 'Created',
  kind: 'Kind',
  text: 'Text',
  id: 'Id',
  generatedBy: 'Made with Vuoro',
  introduction: 'Introduction',
  decisionsAndActions: 'Decisions and actions',
  unthemed: 'Other',
  boardRest: 'Other notes',
  planSentence: {
    'not-run': 'Planned {0}. The workshop was not run.',
    'in-progress': 'Planned {0}. The workshop is still running: {2} of {3} phases begun, {1} so far.',
    'ended-early': 'Planned {0}, took {1}: the workshop ended early ({2} of {3} phases held).',
    over: 'Planned {0}, took {1}: {2} longer than planned.',
    under: 'Planned {0}, took {1}: {2} shorter than planned.',
    'on-time': 'Planned {0}, took {1}: on time.',
  },
  reschedules: 'Changes to the timetable',
  rescheduleExtend: 'At {0}: “{1}” was given {2} more.',
  rescheduleShorten: 'At {0}: “{1}” was cut by {2}.',
  rescheduleFit: 'At {0}: the remaining phases were fitted to the time left: {1}.',
  rescheduleEnd: 'At {0}: the end was moved to {1}.',
  reschedulePause: "At {0}: the workshop was paused for {1}, not counted in the phases' times.",
  reschedulePaused: 'At {0}: the workshop was paused.',
  cardsUsed: 'Prompt cards used',
  cardUsedTimes: '{0} times',
  cardUsedOnce: 'once',
  cardsShownNotUsed: 'Other cards shown but not used: {0}.',
  cardsShownNoneUsed: 'None of the cards shown ({0}) was used.',
  facilitation: 'A note on facilitation',
  turnsSentence: 'Speaking turns: {0}. People who spoke: {1}.',
  facilitatorShareSentence: 'Facilitation took {0} of the speaking time.',
  facilitatorShareUnrecordedSentence: "No facilitator's speech was recorded, so facilitation's share of the speaking time is not given.",
  balanceSentence: 'Balance of speaking time: {0} (100% = everyone spoke equally).',
  handsSentence: 'Raised hands given the floor from the queue: {0}.',
  handsWaitSentence: 'They waited {0} on average, {1} at most.',
  floorGrants: 'Given the floor from the queue',
  floorGrantLine: '{0} {1} (waited {2})',
  goAroundSentence: 'Go-around at {0}, {2} per person: people who spoke {1}.',
  goAroundSkipped: 'Skipped: {0}.',
  waited: 'waited',
  kinds: {
    idea: { one: 'Idea', many: 'Ideas' },
    question: { one: 'Question', many: 'Questions' },
    decision: { one: 'Decision', many: 'Decisions' },
    action: { one: 'Action', many: 'Actions' },
    experiment: { one: 'Experiment', many: 'Experiments' },
    risk: { one: 'Risk', many: 'Risks' },
    note: { one: 'Note', many: 'Notes' },
  },
  sources: {
    hotkey: 'hotkey',
    selection: 'selection',
    chat: 'chat',
    whiteboard: 'whiteboard',
    manual: 'manual',
    import: 'import',
    paste: 'paste',
  },
  promptActions: { shown: 'shown', used: 'used', dismissed: 'dismissed', snoozed: 'snoozed' },
  parseErrors: {
    'not-json': 'The file is not JSON.',
    'too-large': 'The file is too large (over 64 MB).',
    'wrong-format': 'The file is not a Vuoro workshop export.',
    'script-file': 'The file is a Vuoro script: import it under Scripts.',
    'unsupported-version': 'This version of the file is not supported.',
    'invalid-field': 'Invalid field',
  },
  parseVersion: 'Version {0} of the file is not supported.',
  parseNotJsonAt: 'The file is not valid JSON: it goes wrong on line {0}, at character {1}.',
  parseEmpty: 'The file is empty.',
  fieldProblems: {
    type: 'should be {0}',
    types: { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a group of fields' },
    empty: 'empty',
    minChars: 'at least {0} characters',
    maxChars: 'at most {0} characters',
    min: 'at least {0}',
    max: 'at most {0}',
    oneOf: 'one of {0}',
    unknown: 'Vuoro does not know this field',
    format: 'not in the right form',
    invalid: 'not valid',
  },
  cli: {
    usage: [
      'Usage:',
      '  vuoro summary <file.json> [--format md|html|docx|csv|json|sticky] [--lang fi|en] [--out file]',
      '  vuoro merge <base.json> <incoming.json> [--out merged.json] [--lang fi|en]',
      '  vuoro signal [--port 4444] [--host 127.0.0.1]   (live sharing signalling server)',
    ].join('\n'),
    unknownCommand: 'Unknown command: {0}',
    unknownFormat: 'Unknown format: {0} (md, html, docx, csv, json or sticky)',
    unknownLang: 'Unknown language: {0} (fi or en)',
    unknownOption: 'Unknown option: {0}',
    missingValue: 'Option {0} needs a value',
    missingFile: 'No file given',
    cannotRead: 'Cannot read {0}: {1}',
    systemErrors: {
      ENOENT: 'no such file or folder',
      EISDIR: 'it is a folder',
      EACCES: 'permission denied',
      EPERM: 'not permitted',
      ENOTDIR: 'a part of the path is not a folder',
      ENOSPC: 'the disk is full',
      EROFS: 'the disk is read-only',
    },
    cannotWrite: 'Cannot write {0}: {1}',
    invalidFile: '{0} is not valid:',
    merged: 'Merged: {0} added, {1} updated, {2} duplicates skipped, {3} conflicts',
    conflict: 'Conflict: {0} ({1})',
  },
};

const LABELS: Record<Lang, Labels> = { fi, en };

export function labels(lang: Lang): Labels {
  return LABELS[lang];
}

/** Fills {0}, {1}… in a label. */
export function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => {
    const value = values[Number(i)];
    return value === undefined ? whole : String(value);
  });
}
