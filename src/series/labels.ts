import type { EvaluationDecision, EvaluationView, MapField } from '../capture/schema';

// The method's own words in Finnish and English, for what leaves the panel (exports, the
// intermediate task text, the group list) and so usable from Node. The wording follows the
// Change Dialogue seed (Heikkilä et al. 2021 as applied in VIRTUOOSIT) and the template.

import type { Lang } from '../lang';

export type { Lang };

export const METHOD_LABELS = {
  fi: {
    map: 'Kehityskartta',
    dimensions: { content: 'Työn sisältö ja tarkoitus', ways: 'Toimintatavat' },
    times: { now: 'Nyt', future: 'Lähitulevaisuudessa' },
    fields: {
      'content-now': 'Työn sisältö ja tarkoitus nyt',
      'content-future': 'Työn sisältö ja tarkoitus lähitulevaisuudessa',
      'ways-now': 'Toimintatavat nyt',
      'ways-future': 'Toimintatavat lähitulevaisuudessa',
    } satisfies Record<MapField, string>,
    emptyField: '–',
    views: { employees: 'Työntekijöiden näkökulma', customers: 'Asiakkaiden näkökulma', fit: 'Yhteensovittaminen' } satisfies Record<EvaluationView, string>,
    questions: {
      employees: 'Mitä kokeilu tuotti meille kokeilijoille? Mikä helpottui, mikä kuormitti, mitä opimme?',
      customers: 'Mitä kokeilu tuotti asiakkaille? Mistä sen tiedämme? Mitä asiakkaat sanoisivat, jos kysyisimme?',
      fit: 'Miten kokeilu sopii yhteen nykyisten, jo käytössä olevien ratkaisujen ja toimintamallien kanssa? Mitä pitäisi muuttaa, jotta siitä tulisi pysyvä käytäntö?',
    } satisfies Record<EvaluationView, string>,
    decisions: { continue: 'Jatketaan', change: 'Muutetaan', stop: 'Lopetetaan', spread: 'Levitetään' } satisfies Record<EvaluationDecision, string>,
    group: (n: number) => `Ryhmä ${n}`,
    pair: (n: number) => `Pari ${n}`,
    task: {
      title: 'Välitehtävä',
      intro: 'Välitehtävässä on kaksi vaihetta. Pohjana on työpajassa yhdessä laadittu kehityskartta:',
      reflection: '1) Pohdi ensin yksin',
      reflectionQuestions: [
        'Mitä kartalle kuvattu muutos merkitsee minun työlleni ja osaamiselleni?',
        'Missä kohdin kartalla tunnistan oman tilanteeni, mikä puuttuu?',
        'Mitä minun pitäisi oppia tai tehdä toisin lähitulevaisuudessa?',
      ],
      peer: '2) Keskustelkaa sitten parin tai ryhmän kanssa',
      peerQuestions: [
        'Jakakaa pohdintojanne haluamassanne laajuudessa.',
        'Mitä ajatuksia työn muutos herättää?',
        'Millaisia kehittämistarpeita ja -ideoita näette omassa osaamisessa tai yhteisissä toimintatavoissa? Kirjatkaa valkotaululle 1–3 ideaa kehittämiskokeiluksi.',
      ],
      groups: 'Parit ja ryhmät',
    },
    vote: 'Äänestyksen tulos',
    workshops: 'Sarjan työpajat',
    held: 'pidetty',
    notYet: 'ei vielä pidetty',
    position: (n: number, count: number) => `työpaja ${n}/${count}`,
    evaluation: 'Kokeilujen arviointi',
    experiment: { candidate: 'Kokeilu', chosen: 'Valittu kokeiltavaksi', notChosen: 'Ei valittu kokeiltavaksi', owner: 'Vastuu', start: 'Alkaa', end: 'Päättyy', tried: 'Mitä kokeillaan', addresses: 'Kartan kenttä', votes: 'Äänet', rank: 'Sija', decision: 'Päätös', score: 'Arvio (1–5)', notes: 'Muistiinpanot' },
    process: { title: 'Virtuaalisen yhteiskehittämisen prosessin arviointi', score: 'Arvio (1–5)', worked: 'Mikä toimi', improve: 'Mitä parantaisimme' },
  },
  en: {
    map: 'Development map',
    dimensions: { content: 'Content and purpose of the work', ways: 'Ways of working' },
    times: { now: 'Now', future: 'Near future' },
    fields: {
      'content-now': 'Content and purpose of the work now',
      'content-future': 'Content and purpose of the work in the near future',
      'ways-now': 'Ways of working now',
      'ways-future': 'Ways of working in the near future',
    } satisfies Record<MapField, string>,
    emptyField: '–',
    views: { employees: 'Employees’ view', customers: 'Customers’ view', fit: 'Fit with current practice' } satisfies Record<EvaluationView, string>,
    questions: {
      employees: 'What did the experiment give us, the people who ran it? What got easier, what added strain, what did we learn?',
      customers: 'What did the experiment give the customers? How do we know? What would they say if we asked?',
      fit: 'How does the experiment fit with the solutions and ways of working already in use? What would need to change for it to become everyday practice?',
    } satisfies Record<EvaluationView, string>,
    decisions: { continue: 'Continue', change: 'Change', stop: 'Stop', spread: 'Spread' } satisfies Record<EvaluationDecision, string>,
    group: (n: number) => `Group ${n}`,
    pair: (n: number) => `Pair ${n}`,
    task: {
      title: 'Intermediate task',
      intro: 'The intermediate task has two stages. It builds on the development map we drew together in the workshop:',
      reflection: '1) First, on your own',
      reflectionQuestions: [
        'What does the change on the map mean for my work and my skills?',
        'Where on the map do I recognise my own situation, and what is missing?',
        'What would I need to learn or do differently in the near future?',
      ],
      peer: '2) Then with your partner or group',
      peerQuestions: [
        'Share as much of your reflection as you wish.',
        'What thoughts does the change in the work raise?',
        'What development needs and ideas do you see in your own skills or in shared ways of working? Add 1–3 ideas for development experiments to the whiteboard.',
      ],
      groups: 'Pairs and groups',
    },
    vote: 'Result of the vote',
    workshops: 'Workshops of the series',
    held: 'held',
    notYet: 'not held yet',
    position: (n: number, count: number) => `workshop ${n} of ${count}`,
    evaluation: 'Evaluation of the experiments',
    experiment: { candidate: 'Experiment', chosen: 'Chosen to try', notChosen: 'Not chosen to try', owner: 'Owner', start: 'Starts', end: 'Ends', tried: 'What will be tried', addresses: 'Map field', votes: 'Votes', rank: 'Rank', decision: 'Decision', score: 'Rating (1–5)', notes: 'Notes' },
    process: { title: 'Evaluation of the virtual co-development process', score: 'Rating (1–5)', worked: 'What worked', improve: 'What we would improve' },
  },
} as const;

export const methodLabels = (lang: Lang) => METHOD_LABELS[lang];
