// A 50-minute virtual meeting from the meeting practices collected for multi-location work: 50 minutes
// instead of an hour leaves time to recover before the next meeting, the first 10 minutes are for catching
// up, and the meeting ends by agreeing next actions and who owns them.
import { SEEDS, type ScriptTemplate } from './types';

const seed = SEEDS.communityPractices;

export const virtualMeeting50: ScriptTemplate<'virtual-meeting-50'> = {
  id: 'virtual-meeting-50',
  title: { fi: '50 minuutin virtuaalikokous', en: '50-minute virtual meeting' },
  description: {
    fi: 'Kokous, joka kestää 50 minuuttia tunnin sijaan: alussa kymmenen minuuttia kuulumisille, sitten asialista ja käsittely, ja lopuksi selkeä lopetus, jossa sovitaan jatkotoimenpiteet ja vastuut. Loppuun jäävä kymmenen minuuttia on palautumista ja siirtymistä varten.',
    en: 'A meeting that takes 50 minutes instead of an hour: ten minutes to catch up at the start, then the agenda and discussion, and a clear close that agrees next actions and who owns them. The ten minutes left over are for recovering and moving on.',
  },
  source: { seed, lines: '104-140' },
  workshops: [
    {
      title: { fi: 'Virtuaalikokous', en: 'Virtual meeting' },
      goal: {
        fi: 'Asialistan asiat on käsitelty ja jokainen tietää jatkotoimenpiteet ja vastuut.',
        en: 'The agenda is covered and everyone knows the next actions and who owns them.',
      },
      phases: [
        {
          title: { fi: 'Kuulumiset', en: 'Check-in' },
          goal: { fi: 'Jokainen on päässyt ääneen ja kuulumiset on vaihdettu.', en: 'Everyone has spoken and caught up with each other.' },
          durationMin: 10,
          minDurationMin: 5,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Varaa kokouksen alku epämuodolliselle kuulumisten vaihdolle. Anna jokaiselle vuoro, niin kaikki ovat puhuneet jo ennen varsinaisia asioita. Esittele mahdolliset uudet osallistujat. Pyydä kamerat päälle keskustelun ajaksi.',
            en: 'Keep the start of the meeting for informal catching up. Give everyone a turn so all have spoken before the business begins. Introduce anyone new. Ask for cameras on during the discussion.',
          },
          participantInstructions: {
            fi: 'Mitä sinulle kuuluu? Kerro lyhyesti, mitä sinulla on nyt työn alla – tai jotain ihan muuta.',
            en: 'How are you? Say briefly what you are working on right now – or something else entirely.',
          },
          promptCardIds: ['checkin-10min', 'trust-introductions'],
          source: { seed, lines: '122-128, 176' },
        },
        {
          title: { fi: 'Asialista ja tavoite', en: 'Agenda and goal' },
          goal: { fi: 'Kaikki tietävät, mitä käsitellään ja mihin päätöksiin pyritään.', en: 'Everyone knows what will be discussed and which decisions we are after.' },
          durationMin: 5,
          minDurationMin: 3,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Näytä asialista ja kerro, mitä kokouksen lopussa pitäisi olla sovittu. Kertaa pelisäännöt lyhyesti: miten puheenvuoro pyydetään ja milloin kamerat ovat päällä.',
            en: 'Show the agenda and say what should be agreed by the end. Recap the ground rules briefly: how to ask for a turn and when cameras are on.',
          },
          participantInstructions: {
            fi: 'Puuttuuko asialistalta jotain? Pyydä puheenvuoroa käsi ylös -toiminnolla tai chatissa.',
            en: 'Is anything missing from the agenda? Ask for a turn with the raise-hand button or in the chat.',
          },
          promptCardIds: ['trust-goal', 'ground-rules'],
          source: { seed, lines: '55-57, 116-118' },
        },
        {
          title: { fi: 'Asioiden käsittely', en: 'Working through the agenda' },
          goal: { fi: 'Asialistan asiat on käsitelty niin, että kaikkien näkemykset on kuultu.', en: 'The agenda items are discussed and everyone\'s views are heard.' },
          durationMin: 25,
          minDurationMin: 15,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Aktivoi osallistujia kysymyksillä, kyselyillä ja äänestyksillä. Isossa kokouksessa pienryhmät madaltavat kynnystä puhua. Seuraa, ketkä eivät ole vielä puhuneet, ja kutsu heitä mukaan.',
            en: 'Activate people with questions, polls and votes. In a large meeting, breakout rooms make it easier to speak up. Notice who has not spoken yet and invite them in.',
          },
          participantInstructions: {
            fi: 'Kerro näkemyksesi, vaikka se olisi keskeneräinen. Voit kirjoittaa myös chattiin.',
            en: 'Share your view, even if it is not fully formed. You can also write in the chat.',
          },
          promptCardIds: ['trust-invite-quiet', 'trust-take-floor'],
          source: { seed, lines: '130-134' },
        },
        {
          title: { fi: 'Selkeä lopetus', en: 'A clear close' },
          goal: { fi: 'Jatkotoimenpiteet ja vastuut on sovittu ja kirjattu.', en: 'Next actions and owners are agreed and recorded.' },
          durationMin: 10,
          // The close is the part that gets squeezed out when a meeting runs late, so it is never shortened.
          minDurationMin: 10,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Käy läpi jokainen päätös: mitä tehdään, kuka tekee ja mihin mennessä. Kirjaa ne näkyviin. Lopeta ajallaan, jotta kaikille jää aikaa palautua ennen seuraavaa kokousta.',
            en: 'Go through each decision: what will be done, who does it and by when. Write them where all can see. End on time so everyone has a moment to recover before their next meeting.',
          },
          participantInstructions: {
            fi: 'Tarkista, että oma tehtäväsi ja sen määräaika on kirjattu oikein.',
            en: 'Check that your own task and its deadline are written down correctly.',
          },
          promptCardIds: ['close-what-who-when'],
          source: { seed, lines: '104-106, 136-140' },
        },
      ],
    },
  ],
};
