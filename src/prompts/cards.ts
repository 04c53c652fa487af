// Prompt cards: short things a facilitator can say or do, each traced to the seed text it comes from.
// The built-in library is data; the rules in rules.ts decide when a card is worth surfacing.
import * as z from 'zod/mini';
import { PHASE_KINDS } from '../script/limits';

export const LocalisedText = z.object({ fi: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) });
export type LocalisedText = z.infer<typeof LocalisedText>;

export const PromptCategory = z.enum([
  'focus-on-action',
  'doing-together',
  'positive-climate',
  'floor',
  'silence',
  'boundary',
  'ground-rules',
  'check-in',
  'dialogue',
  'closing',
  'experiment',
]);
export type PromptCategory = z.infer<typeof PromptCategory>;

/** Where a phase sits in the script; 'any' matches every phase. */
export const PhasePosition = z.enum(['first', 'last', 'any']);
export type PhasePosition = z.infer<typeof PhasePosition>;

/** The script's phase kinds, so a trigger can only name kinds a phase can have. */
const PhaseKinds = z.array(z.enum(PHASE_KINDS)).check(z.minLength(1));

export const LiveSignal = z.enum(['facilitator-share', 'not-heard', 'silence-after-question', 'hand-waiting']);
export type LiveSignal = z.infer<typeof LiveSignal>;

/**
 * When a card is worth offering. Phase triggers are defaults for phases that list no cards of their own;
 * time triggers and live signals apply in every phase. `phaseKinds` narrows a trigger to phases of those kinds.
 */
export const Trigger = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('phase'),
    position: z._default(PhasePosition, 'any'),
    phaseKinds: z.optional(PhaseKinds),
  }),
  z.object({
    kind: z.literal('phase-progress'),
    /** Share of the planned phase time after which the card shows, 0..1. */
    atFraction: z.number().check(z.minimum(0), z.maximum(1)),
    /** How long it stays offered; omitted means until the phase ends. */
    forSec: z.optional(z.number().check(z.positive())),
    position: z._default(PhasePosition, 'any'),
    phaseKinds: z.optional(PhaseKinds),
  }),
  z.object({
    kind: z.literal('phase-remaining'),
    /** The card shows once this much or less of the planned phase time is left (and while running over). */
    remainingSec: z.number().check(z.positive()),
    position: z._default(PhasePosition, 'any'),
    phaseKinds: z.optional(PhaseKinds),
  }),
  z.object({ kind: z.literal('signal'), signal: LiveSignal }),
]);
export type Trigger = z.infer<typeof Trigger>;
export type TriggerInput = z.input<typeof Trigger>;

export const CardSource = z.object({
  /** File name of the seed text (test/fixtures/seeds holds copies), e.g. 000_ad6976b8e86b222a.txt. */
  seed: z.string().check(z.minLength(1)),
  /** Line numbers in that file, e.g. "946-958, 1019-1026". */
  lines: z.optional(z.string()),
});
export type CardSource = z.infer<typeof CardSource>;

/** Same alphabet as the ids a script phase uses in promptCardIds. */
export const CardId = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));

export const PromptCard = z
  .object({
    id: CardId,
    title: LocalisedText,
    body: LocalisedText,
    category: PromptCategory,
    /** Built-in cards must cite a seed; a facilitator's own card may not have one. */
    source: z.optional(CardSource),
    triggers: z._default(z.array(Trigger), []),
    builtIn: z.boolean(),
  })
  .check(
    z.refine((card) => !card.builtIn || card.source !== undefined, {
      message: 'a built-in card cites its seed',
      path: ['source'],
    }),
  );
export type PromptCard = z.infer<typeof PromptCard>;

/**
 * A facilitator's card as stored: either an edit of a built-in card (same id; fields left out keep the
 * built-in values) or a card of their own (a new id; then title, body and category are required).
 */
export const UserCardEdit = z.object({
  id: CardId,
  title: z.optional(LocalisedText),
  body: z.optional(LocalisedText),
  category: z.optional(PromptCategory),
  source: z.optional(CardSource),
  triggers: z.optional(z.array(Trigger)),
});
export type UserCardEdit = z.infer<typeof UserCardEdit>;

export type CardLibraryProblem = { cardId: string; code: 'incomplete-user-card' };

export interface CardLibrary {
  cards: PromptCard[];
  /** User cards that could not be used, for the options page to show. */
  problems: CardLibraryProblem[];
}

/**
 * The library in effect: built-in cards with the facilitator's edits applied by id, their own cards
 * appended in the order they were saved, and hidden ids removed.
 */
export function mergeCardLibrary(
  builtIn: readonly PromptCard[],
  userCards: readonly UserCardEdit[],
  hiddenIds: Iterable<string> = [],
): CardLibrary {
  const hidden = new Set(hiddenIds);
  const edits = new Map(userCards.map((edit) => [edit.id, edit]));
  const builtInIds = new Set(builtIn.map((card) => card.id));
  const cards: PromptCard[] = builtIn.map((card) => {
    const edit = edits.get(card.id);
    if (!edit) return card;
    return {
      ...card,
      title: edit.title ?? card.title,
      body: edit.body ?? card.body,
      category: edit.category ?? card.category,
      source: edit.source ?? card.source,
      triggers: edit.triggers ?? card.triggers,
    };
  });
  const problems: CardLibraryProblem[] = [];
  for (const edit of edits.values()) {
    if (builtInIds.has(edit.id)) continue;
    if (!edit.title || !edit.body || !edit.category) {
      problems.push({ cardId: edit.id, code: 'incomplete-user-card' });
      continue;
    }
    cards.push({
      id: edit.id,
      title: edit.title,
      body: edit.body,
      category: edit.category,
      ...(edit.source ? { source: edit.source } : {}),
      triggers: edit.triggers ?? [],
      builtIn: false,
    });
  }
  return { cards: cards.filter((card) => !hidden.has(card.id)), problems };
}

const SEED_000 = '000_ad6976b8e86b222a.txt';
const SEED_001 = '001_a1da71a1b6bcea78.txt';
const SEED_002 = '002_be3f4f1bdd0259e8.txt';
const SEED_003 = '003_66538f131a491fa2.txt';
const SEED_004 = '004_f3686ed71b793cad.txt';

type BuiltInCardInput = Omit<z.input<typeof PromptCard>, 'builtIn'>;

const BUILT_IN_INPUT: readonly BuiltInCardInput[] = [
  // Focus on action (toimintaan keskittyminen), seed 000 §4.2.3.
  {
    id: 'trust-goal',
    category: 'focus-on-action',
    title: { fi: 'Kerro tavoite', en: 'State the goal' },
    body: {
      fi: 'Kerro heti alkuun, mihin tällä työpajalla pyritään ja mitä meillä on käsissä, kun lopetamme.',
      en: 'Say right at the start what this workshop is for and what we will have in hand when we finish.',
    },
    source: { seed: SEED_000, lines: '946-958, 1019-1026' },
    triggers: [{ kind: 'phase', position: 'first' }],
  },
  {
    id: 'trust-tools',
    category: 'focus-on-action',
    title: { fi: 'Auta työkalujen kanssa', en: 'Help with the tools' },
    body: {
      fi: 'Laita linkki chattiin, näytä ruutua jakamalla miten työkalu toimii ja tarjoudu opastamaan niitä, joille se on uusi.',
      en: 'Put the link in the chat, share your screen to show how the tool works, and offer to guide anyone new to it.',
    },
    source: { seed: SEED_000, lines: '960-970, 1027-1029' },
    triggers: [{ kind: 'phase', position: 'first' }],
  },
  {
    id: 'trust-signpost',
    category: 'focus-on-action',
    title: { fi: 'Sanoita eteneminen', en: 'Say where we are' },
    body: {
      fi: 'Kerro, missä vaiheessa ollaan ja mitä seuraavaksi tehdään, ennen kuin ryhmä jakautuu töihin.',
      en: 'Say where we are in the workshop and what happens next, before the group splits up to work.',
    },
    source: { seed: SEED_000, lines: '766-774' },
    triggers: [{ kind: 'phase', phaseKinds: ['breakout', 'small-groups'] }],
  },
  // Enabling doing together (yhdessä tekemisen mahdollistaminen).
  {
    id: 'trust-introductions',
    category: 'doing-together',
    title: { fi: 'Tutustutaan', en: 'Introductions' },
    body: {
      fi: 'Pyydä jokaista kertomaan lyhyesti, kuka on, mistä tulee ja mitä toivoo tältä yhteistyöltä.',
      en: 'Ask everyone to say briefly who they are, where they come from and what they hope for from working together.',
    },
    source: { seed: SEED_000, lines: '984-987, 1338-1341' },
    triggers: [{ kind: 'phase', position: 'first' }],
  },
  {
    id: 'trust-recognise-expertise',
    category: 'doing-together',
    title: { fi: 'Tunnusta osaaminen', en: 'Recognise expertise' },
    body: {
      fi: 'Sano ääneen, että koolla on paljon osaamista ja että siitä on hyvä lähteä liikkeelle.',
      en: 'Say out loud that there is a lot of expertise gathered here and that it is a good place to start from.',
    },
    source: { seed: SEED_000, lines: '987-992, 1408-1410' },
  },
  {
    id: 'trust-invite-quiet',
    category: 'doing-together',
    title: { fi: 'Kutsu mukaan nimeltä', en: 'Invite by name' },
    body: {
      fi: 'Kysy nimeltä joltakulta, jota ei ole vielä kuultu: ”Mitä sinä ajattelet tästä?” Moni puhuu vasta, kun häntä pyydetään.',
      en: 'Ask someone you have not heard yet, by name: "What do you think about this?" Many speak only when asked.',
    },
    source: { seed: SEED_001, lines: '736-741, 761-768' },
    triggers: [
      { kind: 'signal', signal: 'not-heard' },
      { kind: 'signal', signal: 'facilitator-share' },
    ],
  },
  {
    id: 'trust-build-on',
    category: 'doing-together',
    title: { fi: 'Tartu toisen ajatukseen', en: 'Build on each other' },
    body: {
      fi: 'Pyydä jatkamaan edellisen puhujan ajatusta: ”Mitä lisäisit tuohon? Mihin se voisi viedä?”',
      en: 'Ask people to pick up the previous speaker\'s idea: "What would you add to that? Where could it lead?"',
    },
    source: { seed: SEED_000, lines: '1544-1546' },
    triggers: [{ kind: 'phase-progress', atFraction: 0.3, forSec: 180, phaseKinds: ['plenary', 'small-groups'] }],
  },
  {
    id: 'trust-everyone-takes-part',
    category: 'doing-together',
    title: { fi: 'Jokaisen kokemus kuuluu', en: 'Every experience counts' },
    body: {
      fi: 'Muistuta, että tässä jokaisen kokemus painaa yhtä paljon asemasta riippumatta, ja että kaikkien ääntä tarvitaan.',
      en: 'Remind the group that here everyone\'s experience weighs the same whatever their position, and every voice is needed.',
    },
    source: { seed: SEED_002, lines: '694-705' },
    triggers: [{ kind: 'phase', phaseKinds: ['plenary', 'small-groups'] }],
  },
  // Turn-taking and the floor (puheenvuorot).
  {
    id: 'trust-take-floor',
    category: 'floor',
    title: { fi: 'Kerro, miten puheenvuoron saa', en: 'Say how to take the floor' },
    body: {
      fi: 'Sano ääneen, miten puheenvuoron saa: nosta käsi tai pyydä sanaa suoraan. Jos joku jo odottaa, anna hänelle vuoro.',
      en: 'Say how to take the floor: raise your hand or just ask to speak. If someone is already waiting, give them the floor.',
    },
    source: { seed: SEED_000, lines: '110-114, 784-788, 854-860' },
    triggers: [
      { kind: 'phase', position: 'first' },
      { kind: 'signal', signal: 'hand-waiting' },
    ],
  },
  {
    id: 'trust-silence',
    category: 'silence',
    title: { fi: 'Jätä tyhjää tilaa', en: 'Leave empty space' },
    body: {
      fi: 'Odota vielä, älä täytä hiljaisuutta. Kun fasilitaattori on hiljaa, osallistujat alkavat puhua keskenään.',
      en: 'Keep waiting; don\'t fill the silence. When the facilitator is quiet, participants start talking to each other.',
    },
    source: { seed: SEED_000, lines: '1193-1211, 1500-1504' },
    triggers: [
      { kind: 'signal', signal: 'silence-after-question' },
      { kind: 'signal', signal: 'facilitator-share' },
    ],
  },
  // Positive climate (myönteisen ilmapiirin luominen).
  {
    id: 'trust-positive-feedback',
    category: 'positive-climate',
    title: { fi: 'Anna myönteistä palautetta', en: 'Give positive feedback' },
    body: {
      fi: 'Tee näkyväksi, mitä ryhmä on saanut aikaan: ”Olette tehneet tosi hyvää työtä, ja tästä on tullut hyviä tuloksia.”',
      en: 'Make visible what the group has achieved: "You have worked really well, and good results have come out of this."',
    },
    source: { seed: SEED_000, lines: '995-1004, 1046-1053' },
    triggers: [{ kind: 'phase-progress', atFraction: 0.5, forSec: 180 }],
  },
  // Boundary crossings: coordination → cooperation → communication (Engeström 2004), seed 000 §4.3.
  {
    id: 'boundary-common-object',
    category: 'boundary',
    title: { fi: 'Mikä on yhteistä?', en: 'What do we share?' },
    body: {
      fi: 'Kysy: ”Missä kohtaa työnne kohtaavat? Mitä haluaisitte pohtia jatkossa yhdessä, ettei kumpikaan keksi pyörää erikseen?”',
      en: 'Ask: "Where does your work meet? What would you like to think through together, so nobody reinvents the wheel alone?"',
    },
    source: { seed: SEED_000, lines: '1170-1182, 1249-1255' },
    triggers: [{ kind: 'phase-progress', atFraction: 0.15, forSec: 180, phaseKinds: ['plenary', 'small-groups'] }],
  },
  {
    id: 'boundary-cooperation',
    category: 'boundary',
    title: { fi: 'Kysykää toisiltanne', en: 'Ask each other' },
    body: {
      fi: 'Kun vastaukset menevät vain sinulle, käännä puhe osallistujille: ”Mitä haluaisitte kysyä toisiltanne? Mistä haluaisitte kuulla lisää?”',
      en: 'When answers come only to you, turn the talk to the group: "What would you like to ask each other? What do you want to hear more about?"',
    },
    source: { seed: SEED_000, lines: '1184-1211, 1255-1259' },
    triggers: [{ kind: 'phase-progress', atFraction: 0.4, forSec: 180, phaseKinds: ['plenary', 'small-groups'] }],
  },
  {
    id: 'boundary-communication',
    category: 'boundary',
    title: { fi: 'Puhukaa yhteistyön tavasta', en: 'Talk about how you work together' },
    body: {
      fi: 'Kysy: ”Miten me oikeastaan teemme tätä yhdessä? Mitä muuttaisimme omassa tavassamme tehdä yhteistyötä?”',
      en: 'Ask: "How are we actually doing this together? What would we change in the way we work together?"',
    },
    source: { seed: SEED_000, lines: '1079-1087, 1213-1218, 1264-1268' },
    triggers: [{ kind: 'phase-progress', atFraction: 0.7, forSec: 180, phaseKinds: ['plenary', 'small-groups'] }],
  },
  // From seeds 001–004: meeting practice, dialogue, closing, experiments.
  {
    id: 'ground-rules',
    category: 'ground-rules',
    title: { fi: 'Sopikaa pelisäännöt', en: 'Agree on ground rules' },
    body: {
      fi: 'Sopikaa yhdessä, miten tänään toimitaan: kamerat, puheenvuorot, chat ja tauot. Kirjatkaa ne kaikkien nähtäville.',
      en: 'Agree together how we work today: cameras, turns, chat and breaks. Write them down where everyone can see them.',
    },
    source: { seed: SEED_002, lines: '909-946' },
  },
  {
    id: 'ground-rules-cameras',
    category: 'ground-rules',
    title: { fi: 'Kamerat keskustellessa', en: 'Cameras while talking' },
    body: {
      fi: 'Ehdota, että keskustelun ajan kaikilla on kamera päällä, jotta toisten reaktiot näkyvät. Esityksen aikana riittää esittäjän kamera.',
      en: 'Suggest cameras on for everyone during discussion so reactions are visible. During a presentation the presenter\'s camera is enough.',
    },
    source: { seed: SEED_004, lines: '124-128' },
  },
  {
    id: 'ground-rules-issues-not-people',
    category: 'ground-rules',
    title: { fi: 'Asiat riitelevät, eivät ihmiset', en: 'Disagree about issues, not people' },
    body: {
      fi: 'Muistuta, että erimielisyys saa näkyä: asiat riitelevät, eivät ihmiset. Kenenkään ajattelusta ei etsitä virheitä.',
      en: 'Remind the group that disagreement is allowed: argue about the issues, not about the people. Nobody is out to find fault in anyone\'s thinking.',
    },
    source: { seed: SEED_002, lines: '659-662, 1407-1410' },
  },
  {
    id: 'checkin-10min',
    category: 'check-in',
    title: { fi: 'Kuulumiset ensin', en: 'Catch up first' },
    body: {
      fi: 'Varatkaa alkuun noin kymmenen minuuttia kuulumisille, ennen kuin mennään asiaan.',
      en: 'Set aside about ten minutes at the start for catching up before getting down to business.',
    },
    source: { seed: SEED_004, lines: '122' },
  },
  {
    id: 'checkin-newcomers',
    category: 'check-in',
    title: { fi: 'Esittele uudet', en: 'Introduce newcomers' },
    body: {
      fi: 'Jos mukana on uusia ihmisiä, esittele heidät heti alussa ja kerro, mitä he tekevät.',
      en: 'If there are new people, introduce them right at the start and say what they do.',
    },
    source: { seed: SEED_004, lines: '176' },
  },
  {
    id: 'dialogue-principles',
    category: 'dialogue',
    title: { fi: 'Dialogin periaatteet', en: 'Principles of dialogue' },
    body: {
      fi: 'Muistuta: kuunnellaan, puhutaan suoraan, kunnioitetaan toisia ja hidastetaan ennen omaa mielipidettä.',
      en: 'A reminder: we listen, speak directly, respect each other, and slow down before giving our own opinion.',
    },
    source: { seed: SEED_002, lines: '644-656' },
    triggers: [{ kind: 'phase', phaseKinds: ['plenary', 'small-groups'] }],
  },
  {
    id: 'dialogue-unfinished-ideas',
    category: 'dialogue',
    title: { fi: 'Keskeneräinen kelpaa', en: 'Unfinished is welcome' },
    body: {
      fi: 'Sano, että puolivalmiitkin ajatukset ovat tervetulleita: niistä löytyy usein uusia ratkaisuja.',
      en: 'Say that half-formed thoughts are welcome: new solutions often come from them.',
    },
    source: { seed: SEED_002, lines: '679-681' },
  },
  {
    id: 'dialogue-groan-zone',
    category: 'dialogue',
    title: { fi: 'Hankala vaihe kuuluu asiaan', en: 'The hard part is normal' },
    body: {
      fi: 'Jos keskustelu tuntuu jumittavan, sano se ääneen: tämä vaihe on usein hankala, eikä päätöksiin kannata kiirehtiä.',
      en: 'If the talk feels stuck, say so: this stage is often uncomfortable, and there is no need to rush to decisions.',
    },
    source: { seed: SEED_003, lines: '780-815' },
    triggers: [{ kind: 'phase-progress', atFraction: 0.6, forSec: 180, phaseKinds: ['plenary', 'small-groups'] }],
  },
  {
    id: 'close-what-who-when',
    category: 'closing',
    title: { fi: 'Sulkekaa: mitä, kuka, milloin', en: 'Close: what, who, when' },
    body: {
      fi: 'Sopikaa ennen lopetusta, mitä tehdään, miksi, kuka vastaa, milloin ja miten. Tämä vaihe jää helposti tekemättä.',
      en: 'Before finishing, agree what happens next, why, who owns it, when and how. This step is easily skipped.',
    },
    source: { seed: SEED_003, lines: '817-839' },
    triggers: [
      { kind: 'phase', position: 'last' },
      { kind: 'phase-remaining', remainingSec: 120, position: 'last' },
    ],
  },
  {
    id: 'intermediate-task',
    category: 'closing',
    title: { fi: 'Anna välitehtävä', en: 'Give the intermediate task' },
    body: {
      fi: 'Kerro välitehtävä selvästi: mitä kukin pohtii itsekseen, kenen kanssa sen jakaa ja mihin mennessä.',
      en: 'Give the intermediate task clearly: what each person reflects on alone, whom they share it with, and by when.',
    },
    source: { seed: SEED_000, lines: '612-620, 899-903' },
    triggers: [{ kind: 'phase', phaseKinds: ['intermediate-task'] }],
  },
  {
    id: 'closing-reflection',
    category: 'closing',
    title: { fi: 'Miten tänään onnistuttiin?', en: 'How did today go?' },
    body: {
      fi: 'Kysy lopuksi lyhyesti: mikä auttoi meitä tänään ja mitä tekisimme ensi kerralla toisin?',
      en: 'To finish, ask briefly: what helped us today, and what would we do differently next time?',
    },
    source: { seed: SEED_002, lines: '776-788' },
  },
  {
    id: 'experiment-evaluate',
    category: 'experiment',
    title: { fi: 'Arvioikaa kokeilu', en: 'Evaluate the experiment' },
    body: {
      fi: 'Kysy: mitä kokeilu tuotti teille ja asiakkaille, ja miten se sopii yhteen nykyisten toimintatapojen kanssa?',
      en: 'Ask: what did the experiment give you and your clients, and how does it fit with the ways you already work?',
    },
    source: { seed: SEED_000, lines: '649-655' },
  },
  {
    id: 'experiment-dare',
    category: 'experiment',
    title: { fi: 'Pieni kokeilu riittää', en: 'A small trial is enough' },
    body: {
      fi: 'Kun kuulet ”kaikki on jo kokeiltu”, ehdota pientä kokeilua: muutaman päivänkin kokeilu tuo uutta tietoa.',
      en: 'When you hear "we\'ve tried everything", suggest a small trial: even a few days bring new information.',
    },
    source: { seed: SEED_002, lines: '1398-1403, 1463-1472' },
  },
];

export const BUILT_IN_CARDS: readonly PromptCard[] = BUILT_IN_INPUT.map((card) =>
  PromptCard.parse({ ...card, builtIn: true }),
);

/** Card ids that script templates reference; they must always exist in the built-in library. */
export const REQUIRED_CARD_IDS = [
  'trust-goal',
  'trust-introductions',
  'trust-tools',
  'trust-take-floor',
  'trust-invite-quiet',
  'trust-silence',
  'trust-positive-feedback',
  'trust-recognise-expertise',
  'boundary-cooperation',
  'boundary-communication',
  'ground-rules',
  'checkin-10min',
  'dialogue-principles',
  'close-what-who-when',
  'experiment-evaluate',
  'intermediate-task',
] as const;
