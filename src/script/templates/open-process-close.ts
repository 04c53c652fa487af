// Opening → processing → closing (avaaminen – käsittely – sulkeminen, after Kaner et al. 2007) from the
// network-leadership material: every encounter opens a matter, works it through — possibly via the
// uncomfortable "groan zone" — and closes it with a joint decision on what, why, who, when and how.
import { SEEDS, type ScriptTemplate } from './types';

const seed = SEEDS.networkLeadership;

export const openProcessClose: ScriptTemplate<'open-process-close'> = {
  id: 'open-process-close',
  title: { fi: 'Avaaminen – käsittely – sulkeminen', en: 'Opening – processing – closing' },
  description: {
    fi: 'Yhden asian yhteinen käsittely kolmessa vaiheessa. Avaamiseen varataan aikaa ja kärsivällistä kuuntelemista, käsittelyssä kestetään epämukavuusalue, ja sulkemisessa päätetään yhdessä mitä, miksi, kuka, milloin ja miten – vaihe, joka jää usein tekemättä.',
    en: 'Working through one matter together in three stages. Opening gets time and patient listening, processing stays with the "groan zone", and closing decides together what, why, who, when and how – the stage most often skipped.',
  },
  source: { seed, lines: '780-846' },
  workshops: [
    {
      title: { fi: 'Yhteinen käsittely', en: 'Working it through together' },
      goal: {
        fi: 'Asia on avattu monesta näkökulmasta, käsitelty ja suljettu yhteisellä päätöksellä.',
        en: 'The matter is opened from many views, worked through and closed with a joint decision.',
      },
      phases: [
        {
          title: { fi: 'Johdanto', en: 'Introduction' },
          goal: { fi: 'Kaikki tietävät, mitä asiaa käsitellään ja miten.', en: 'Everyone knows which matter we are working on and how.' },
          durationMin: 10,
          minDurationMin: 5,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Kerro käsiteltävä asia ja kolme vaihetta. Sano etukäteen, että sulkemiselle on varattu aikaa ja että siitä pidetään kiinni. Sopikaa tarvittaessa pelisäännöt.',
            en: 'Name the matter and the three stages. Say up front that time is reserved for closing and that it will be kept. Agree ground rules if needed.',
          },
          participantInstructions: {
            fi: 'Tänään avaamme, käsittelemme ja suljemme yhden asian yhdessä.',
            en: 'Today we open, work through and close one matter together.',
          },
          promptCardIds: ['trust-goal', 'ground-rules'],
          source: { seed, lines: '780-783, 843-846' },
        },
        {
          title: { fi: 'Avaaminen', en: 'Opening' },
          goal: { fi: 'Kaikki tärkeät näkökulmat ovat esillä.', en: 'All the important views are on the table.' },
          durationMin: 25,
          minDurationMin: 15,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Avaaminen vaatii aikaa ja toisten kärsivällistä kuuntelemista. Vastusta houkutusta tehdä nopeita päätöksiä – liian nopea päätös jättää tärkeitä näkökulmia pimentoon. Anna jokaiselle vuoro ja siedä hiljaisia hetkiä.',
            en: 'Opening needs time and patient listening. Resist the pull towards quick decisions – deciding too fast leaves important views in the dark. Give everyone a turn and tolerate quiet moments.',
          },
          participantInstructions: {
            fi: 'Miltä asia näyttää sinun näkökulmastasi? Kuuntele muita loppuun ennen kuin vastaat.',
            en: 'How does the matter look from where you stand? Hear others out before you respond.',
          },
          promptCardIds: ['dialogue-principles', 'trust-invite-quiet', 'trust-silence'],
          source: { seed, lines: '795-815' },
        },
        {
          title: { fi: 'Käsittely', en: 'Processing' },
          goal: { fi: 'Oletukset on käyty kriittisesti läpi ja vaihtoehdot ovat selvillä.', en: 'Assumptions are examined critically and the options are clear.' },
          durationMin: 35,
          minDurationMin: 20,
          kind: 'small-groups',
          facilitatorNotes: {
            fi: 'Käsittely vaatii luottamusta, oletusten kriittistä tarkastelua ja jokaiselta peiliin katsomista. Jos ryhmä joutuu epämukavuusalueelle, sano se ääneen: se kuuluu asiaan. Epämukavien asioiden liian nopea ohittaminen johtaa huonoihin päätöksiin.',
            en: 'Processing takes trust, a critical look at assumptions and everyone looking in the mirror. If the group lands in the groan zone, name it: it is part of the work. Skipping past the uncomfortable too fast leads to poor decisions.',
          },
          participantInstructions: {
            fi: 'Mitä oletamme tästä asiasta? Mikä niistä voisi olla väärin? Mitä vaihtoehtoja meillä on?',
            en: 'What are we assuming about this? Which of those could be wrong? What options do we have?',
          },
          promptCardIds: ['dialogue-principles', 'boundary-communication'],
          source: { seed, lines: '785-793' },
        },
        {
          title: { fi: 'Sulkeminen', en: 'Closing' },
          goal: { fi: 'On päätetty yhdessä mitä, miksi, kuka, milloin ja miten.', en: 'We have decided together what, why, who, when and how.' },
          durationMin: 20,
          // Closing is the stage that gets skipped when energy runs out; rescheduling must not eat it.
          minDurationMin: 20,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Sulkeminen vaatii yhteistä päätöksentekoa. Käy läpi mitä, miksi, kuka, milloin ja miten, ja kirjaa vastaukset näkyviin. Tämä vaihe jää usein tekemättä, kun energiaa on kulunut avaamiseen ja käsittelyyn – silloin asiat jäävät auki.',
            en: 'Closing requires deciding together. Go through what, why, who, when and how, and write the answers where everyone can see them. This stage is often skipped when the energy has gone into opening and processing – and then things are left open.',
          },
          participantInstructions: {
            fi: 'Päätetään: Mitä tehdään? Miksi? Kuka vastaa? Milloin? Miten?',
            en: 'Let\'s decide: What will we do? Why? Who is responsible? When? How?',
          },
          promptCardIds: ['close-what-who-when'],
          source: { seed, lines: '817-839' },
        },
      ],
    },
  ],
};
