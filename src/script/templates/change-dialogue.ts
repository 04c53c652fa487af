// The Change Dialogue (Muutosvuoropuhelu) series as run virtually across organisations in the VIRTUOOSIT
// project: three workshops with an intermediate task between them. The seed gives the content of each
// workshop and the facilitators' trust-building moves, not timings; the minutes here are defaults for
// a 2.5-hour virtual workshop with one break.
import { SEEDS, type ScriptTemplate } from './types';

const seed = SEEDS.virtualCoDevelopment;

export const changeDialogueSeries: ScriptTemplate<'change-dialogue-series'> = {
  id: 'change-dialogue-series',
  title: {
    fi: 'Muutosvuoropuhelu: kolmen työpajan sarja',
    en: 'Change Dialogue: a series of three workshops',
  },
  description: {
    fi: 'Organisaatiorajat ylittävä yhteiskehittäminen Muutosvuoropuhelu-menetelmällä. Ensimmäisessä työpajassa rakennetaan yhteinen muutoskuva kehityskartan avulla ja annetaan välitehtävä sekapareille. Toisessa puretaan välitehtävät, valitaan kehittämiskokeilut äänestämällä ja suunnitellaan ne pienryhmissä. Kolmannessa arvioidaan kokeilut työntekijän, asiakkaan ja yhteensovittamisen näkökulmista, sovitaan jatkosta ja arvioidaan prosessi.',
    en: 'Co-development across organisations with the Change Dialogue method. The first workshop builds a shared picture of change with the development map and gives mixed pairs an intermediate task. The second unpacks the intermediate tasks, chooses development experiments by vote and plans them in small groups. The third evaluates the experiments from the employee, customer and fit-with-current-practice views, agrees the next steps and evaluates the process.',
  },
  source: { seed, lines: '595-656' },
  workshops: [
    {
      title: { fi: 'Työpaja 1: Yhteinen muutoskuva', en: 'Workshop 1: A shared picture of change' },
      goal: {
        fi: 'Työpajan lopussa meillä on alustava yhteinen muutoskuva ja jokainen tietää, mitä välitehtävässä tehdään.',
        en: 'By the end we have a first shared picture of the change, and everyone knows what the intermediate task asks of them.',
      },
      phases: [
        {
          title: { fi: 'Tervetuloa ja työpajan tavoite', en: 'Welcome and the goal of the workshop' },
          goal: { fi: 'Kaikki tietävät, mihin tänään pyritään ja miten edetään.', en: 'Everyone knows what we are aiming for today and how we will get there.' },
          durationMin: 10,
          minDurationMin: 5,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Kerro tavoite heti alussa ja konkreettisesti: "tämän työpajan lopussa meillä on alustava yhteinen muutoskuva, ja saatte välitehtävän". Näytä työpajan vaiheet lyhyesti. Sano ääneen, että foorumi on osallistujia varten ja sana on aina vapaa, ja kerro miten puheenvuoron saa (käsi ylös, chat tai suoraan puhumalla).',
            en: 'State the goal at once and concretely: "by the end of this workshop we will have a first shared picture of the change, and you will get an intermediate task". Show the steps of the workshop briefly. Say out loud that this forum is for the participants and the floor is always open, and explain how to take a turn (raise a hand, use the chat or just speak up).',
          },
          participantInstructions: {
            fi: 'Tervetuloa! Tänään rakennamme yhdessä kuvan siitä, miten työ on muuttumassa. Pyydä puheenvuoroa nostamalla käsi tai kirjoittamalla chattiin, tai ota sana suoraan.',
            en: 'Welcome! Today we build a shared picture of how the work is changing. Raise your hand or write in the chat to take a turn, or simply speak up.',
          },
          promptCardIds: ['trust-goal', 'trust-take-floor', 'ground-rules'],
          source: { seed, lines: '948-960' },
        },
        {
          title: { fi: 'Esittäytyminen', en: 'Introductions' },
          goal: { fi: 'Osallistujat tietävät, keitä täällä on ja mitä osaamista kukin tuo mukanaan.', en: 'Participants know who is here and what expertise each brings.' },
          durationMin: 15,
          minDurationMin: 10,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Pyydä jokaista kertomaan nimensä, organisaationsa ja yhdellä lauseella, mitä hän toivoo yhteistyöltä. Anna vuorot nimeltä, niin kukaan ei jää arvailemaan, milloin on hänen vuoronsa. Nosta esiin ryhmän osaaminen ("hieno porukka kehittämisen asiantuntijoita koolla") – arvostuksen osoittaminen luo pohjaa nopealle luottamukselle.',
            en: 'Ask everyone for their name, organisation and, in one sentence, what they hope to get from working together. Call on people by name so nobody is left waiting for a turn. Point out the expertise in the group ("what a fine group of development experts we have here") – showing appreciation lays the ground for swift trust.',
          },
          participantInstructions: {
            fi: 'Kerro nimesi, organisaatiosi ja yhdellä lauseella, mitä toivot tältä yhteistyöltä. Pidä kamera päällä, jos voit.',
            en: 'Tell us your name, your organisation and, in one sentence, what you hope to get from this collaboration. Keep your camera on if you can.',
          },
          promptCardIds: ['trust-introductions', 'trust-recognise-expertise'],
          source: { seed, lines: '984-993' },
        },
        {
          title: { fi: 'Työvälineet tutuiksi', en: 'Getting to know the tools' },
          goal: { fi: 'Jokainen pääsee yhteiselle valkotaululle ja osaa lisätä sinne lapun.', en: 'Everyone can open the shared whiteboard and add a note to it.' },
          durationMin: 10,
          minDurationMin: 5,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Laita valkotaulun linkki chattiin ja pyydä kaikkia tallentamaan se. Jaa näyttösi ja näytä, miten lappu lisätään. Pyydä jokaista kirjoittamaan harjoituslappu, niin näet, kuka on jo mukana. Auta rauhallisesti niitä, joille väline on uusi – sujuva välineiden käyttö tukee luottamusta.',
            en: 'Post the whiteboard link in the chat and ask everyone to save it. Share your screen and show how to add a note. Ask everyone to write a practice note so you can see who is in. Help calmly those who are new to the tool – using the tools smoothly supports trust.',
          },
          participantInstructions: {
            fi: 'Avaa chattiin tullut valkotaulun linkki ja tallenna se itsellesi. Kirjoita tauluun harjoituslappu. Jos jokin ei toimi, sano heti – autamme.',
            en: 'Open the whiteboard link from the chat and save it for later. Write a practice note on the board. If something does not work, say so straight away – we will help.',
          },
          promptCardIds: ['trust-tools'],
          source: { seed, lines: '961-972' },
        },
        {
          title: { fi: 'Yhteinen kehittämisen aihe', en: 'Agreeing the shared topic' },
          goal: { fi: 'Olemme sopineet, minkä aihepiirin näkökulmasta muutosta tarkastellaan.', en: 'We have agreed the topic from which we look at the change.' },
          durationMin: 15,
          minDurationMin: 10,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Tarkastelun lähtökohta ei ole kunkin organisaation oma muutos vaan yhteinen aihepiiri. Esitä etukäteen valittu aihe tai pyydä ehdotuksia ja tiivistä ne yhdeksi muotoiluksi. Kysy erikseen niiltä, jotka eivät vielä ole puhuneet.',
            en: 'The starting point is not each organisation\'s own change but a shared topic. Present the topic chosen in advance, or collect proposals and condense them into one wording. Ask separately those who have not yet spoken.',
          },
          participantInstructions: {
            fi: 'Mistä näkökulmasta haluamme tarkastella työn muutosta yhdessä? Ehdota aihetta tai kommentoi valmiiksi ehdotettua.',
            en: 'From which angle do we want to look at the change in our work together? Propose a topic or comment on the one suggested.',
          },
          promptCardIds: ['boundary-cooperation', 'trust-invite-quiet'],
          source: { seed, lines: '634-648' },
        },
        {
          title: { fi: 'Kehityskartta: työn sisältö ja tarkoitus', en: 'Development map: content and purpose of the work' },
          goal: {
            fi: 'Kartalle on kuvattu, mitä työ on nyt ja mihin se on lähitulevaisuudessa muuttumassa.',
            en: 'The map shows what the work is now and how it is changing in the near future.',
          },
          durationMin: 30,
          minDurationMin: 20,
          kind: 'small-groups',
          facilitatorNotes: {
            fi: 'Jaa osallistujat sekaryhmiin, joissa on edustajia eri organisaatioista. Ohjeista ennen ryhmiin siirtymistä: kirjatkaa kehityskartan sisältö-sarakkeeseen ensin nykytila, sitten lähitulevaisuus. Käy vierailemassa ryhmissä ja muistuta ajasta viisi minuuttia ennen paluuta.',
            en: 'Split people into mixed groups with members from different organisations. Give the instructions before the groups leave: on the content row of the development map, write the present first and then the near future. Visit the groups and give a five-minute warning before they return.',
          },
          participantInstructions: {
            fi: 'Kirjatkaa kehityskartalle: mikä on työmme sisältö ja tarkoitus nyt? Mihin suuntaan se on muuttumassa lähitulevaisuudessa? Yksi ajatus yhdelle lapulle.',
            en: 'Write on the development map: what is the content and purpose of our work now? Which way is it changing in the near future? One thought per note.',
          },
          promptCardIds: ['boundary-cooperation', 'trust-invite-quiet'],
          source: { seed, lines: '612-616, 897-899' },
        },
        {
          title: { fi: 'Tauko', en: 'Break' },
          goal: { fi: 'Palautuminen ennen seuraavaa osuutta.', en: 'A rest before the next part.' },
          durationMin: 10,
          minDurationMin: 5,
          kind: 'break',
          facilitatorNotes: {
            fi: 'Kerro, mihin aikaan jatketaan, ja jätä aika näkyviin. Tarkista tauolla toisen fasilitaattorin kanssa, onko aikataulu pitänyt.',
            en: 'Say what time we continue and leave it on screen. Use the break to check the schedule with your co-facilitator.',
          },
          participantInstructions: { fi: 'Tauko. Jatketaan kymmenen minuutin päästä.', en: 'Break. We continue in ten minutes.' },
          promptCardIds: [],
          source: { seed, lines: '12-16' },
        },
        {
          title: { fi: 'Kehityskartta: toimintatavat', en: 'Development map: ways of working' },
          goal: {
            fi: 'Kartalle on kuvattu, miten toimimme nyt ja miten toimintatapojen pitäisi muuttua.',
            en: 'The map shows how we work now and how the ways of working should change.',
          },
          durationMin: 25,
          minDurationMin: 15,
          kind: 'small-groups',
          facilitatorNotes: {
            fi: 'Samat ryhmät jatkavat kartan toiselle riville. Pyydä ryhmiä merkitsemään erikseen asiat, joissa organisaatioiden toimintatavat kohtaavat – ne ovat yhteistyön paikkoja.',
            en: 'The same groups move on to the second row of the map. Ask them to mark separately where the organisations\' ways of working meet – those are the places for collaboration.',
          },
          participantInstructions: {
            fi: 'Miten toimimme nyt ja miten toimintatapojen pitäisi muuttua lähitulevaisuudessa? Merkitkää tähdellä kohdat, joissa organisaatiomme toimivat yhdessä.',
            en: 'How do we work now, and how should our ways of working change in the near future? Mark with a star where our organisations work together.',
          },
          promptCardIds: ['boundary-cooperation'],
          source: { seed, lines: '612-616' },
        },
        {
          title: { fi: 'Yhteinen muutoskuva', en: 'The shared picture of change' },
          goal: { fi: 'Ryhmien kartat on koottu yhteen ja yhtymäkohdat on nimetty.', en: 'The groups\' maps are put together and the common ground is named.' },
          durationMin: 20,
          minDurationMin: 15,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Pyydä ryhmiä esittelemään karttansa lyhyesti ja kutsu toisia kommentoimaan: "Mikä tästä kuulostaa tutulta teillä?" Kun kysyt, odota rauhassa – hiljainen hetki antaa tilaa osallistujien omille aloitteille. Kiitä ryhmiä tehdystä työstä.',
            en: 'Ask each group to present its map briefly and invite the others to comment: "What here sounds familiar to you?" After a question, wait calmly – a quiet moment leaves room for participants\' own initiatives. Thank the groups for their work.',
          },
          participantInstructions: {
            fi: 'Esitelkää karttanne parissa minuutissa. Kuunnellessa: mikä toisten kartassa on tuttua, mikä yllättää? Kysy ja kommentoi suoraan toisille.',
            en: 'Present your map in a couple of minutes. While listening: what in the others\' map is familiar, what surprises you? Ask and comment directly to each other.',
          },
          promptCardIds: ['dialogue-principles', 'trust-silence', 'trust-positive-feedback'],
          source: { seed, lines: '1123-1128' },
        },
        {
          title: { fi: 'Välitehtävän ohjeet', en: 'The intermediate task' },
          goal: {
            fi: 'Jokainen tietää, kenen kanssa ja mitä välitehtävässä tehdään ja mihin mennessä.',
            en: 'Everyone knows what the intermediate task is, who their partner is and when it is due.',
          },
          durationMin: 10,
          minDurationMin: 5,
          kind: 'intermediate-task',
          facilitatorNotes: {
            fi: 'Välitehtävässä on kaksi vaihetta: ensin kukin pohtii omaa suhdettaan kartalle kuvattuun muutokseen, sitten pohdinnat jaetaan parin kanssa ja ideoidaan yhdessä kehittämiskokeiluja valkotaululle. Muodosta parit eri organisaatioista. Kirjoita parit ja määräaika chattiin ja valkotaululle.',
            en: 'The intermediate task has two stages: first each person reflects on where they stand in relation to the change on the map, then partners share their reflections and sketch development experiments together on the whiteboard. Pair people from different organisations. Post the pairs and the deadline in the chat and on the whiteboard.',
          },
          participantInstructions: {
            fi: '1) Pohdi yksin: mitä kartalle kuvattu muutos merkitsee minun työlleni ja osaamiselleni? 2) Tapaa parisi ennen seuraavaa työpajaa, jakakaa ajatuksenne haluamassanne laajuudessa ja kirjatkaa valkotaululle 1–3 ideaa kehittämiskokeiluksi.',
            en: '1) On your own: what does the change on the map mean for my work and my skills? 2) Meet your partner before the next workshop, share as much of your thinking as you wish, and add 1–3 ideas for development experiments to the whiteboard.',
          },
          promptCardIds: ['intermediate-task', 'boundary-communication'],
          source: { seed, lines: '616-622, 900-904' },
        },
        {
          title: { fi: 'Lopetus', en: 'Close' },
          goal: { fi: 'Päivän anti on koottu ja seuraava tapaaminen on tiedossa.', en: 'The day\'s results are summed up and the next meeting is known.' },
          durationMin: 5,
          minDurationMin: 5,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Tiivistä, mitä saatiin aikaan, ja anna myönteistä palautetta ("olette työskennelleet tosi hyvin"). Kerro seuraavan työpajan ajankohta ja mitä siihen mennessä tehdään.',
            en: 'Sum up what was achieved and give positive feedback ("you have worked really well"). Give the date of the next workshop and what is to be done by then.',
          },
          participantInstructions: {
            fi: 'Kiitos! Muista välitehtävä ja seuraavan työpajan ajankohta.',
            en: 'Thank you! Remember the intermediate task and the date of the next workshop.',
          },
          promptCardIds: ['trust-positive-feedback', 'close-what-who-when'],
          source: { seed, lines: '996-1005' },
        },
      ],
    },
    {
      title: { fi: 'Työpaja 2: Kokeilujen valinta ja suunnittelu', en: 'Workshop 2: Choosing and planning experiments' },
      goal: {
        fi: 'Välitehtävien oivallukset on jaettu, kehittämiskokeilut on valittu ja jokaisella kokeilulla on alustava suunnitelma.',
        en: 'The insights from the intermediate tasks are shared, the development experiments are chosen, and each has a first plan.',
      },
      phases: [
        {
          title: { fi: 'Avaus ja kuulumiset', en: 'Opening and check-in' },
          goal: { fi: 'Ryhmä on taas koolla ja tietää päivän tavoitteen.', en: 'The group is together again and knows today\'s goal.' },
          durationMin: 10,
          minDurationMin: 5,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Tervehdi jokaista nimeltä ja esittele mahdolliset uudet osallistujat, esimerkiksi mukaan tulleet asiakkaat. Kerro tavoite: tänään valitaan kokeilut ja suunnitellaan ne. Rohkaise asiakkaita ottamaan kantaa alusta asti.',
            en: 'Greet everyone by name and introduce anyone new, such as customers joining today. State the goal: today we choose the experiments and plan them. Encourage the customers to speak up from the start.',
          },
          participantInstructions: {
            fi: 'Tervetuloa takaisin! Kerro lyhyesti, mitä sinulle kuuluu ja mikä välitehtävässä jäi mieleen.',
            en: 'Welcome back! Say briefly how you are and what stayed with you from the intermediate task.',
          },
          promptCardIds: ['trust-goal', 'trust-take-floor', 'trust-introductions'],
          source: { seed, lines: '779-782, 906-909' },
        },
        {
          title: { fi: 'Välitehtävien purku', en: 'Unpacking the intermediate tasks' },
          goal: { fi: 'Parien oivallukset ja kokeiluideat ovat kaikkien nähtävillä.', en: 'The pairs\' insights and experiment ideas are visible to all.' },
          durationMin: 30,
          minDurationMin: 20,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Pyydä pareja kertomaan, miten he paikantavat itsensä kartalle kuvattuun muutokseen ja mitä kokeiluideoita syntyi. Varmista, että myös hiljaisemmat pääsevät ääneen: kysy suoraan niiltä, joita ei ole vielä kuultu. Kirjaa ideat valkotaululle yhteen paikkaan.',
            en: 'Ask each pair how they place themselves in relation to the change on the map and what experiment ideas came up. Make sure the quieter people get heard too: ask directly those we have not heard yet. Collect the ideas in one place on the whiteboard.',
          },
          participantInstructions: {
            fi: 'Kertokaa parinne kanssa: mitä muutos merkitsee teille, ja mitä kokeiluideoita teille syntyi?',
            en: 'With your partner, tell us: what does the change mean for you, and what experiment ideas did you come up with?',
          },
          promptCardIds: ['intermediate-task', 'trust-invite-quiet', 'dialogue-principles'],
          source: { seed, lines: '616-625, 1133-1136' },
        },
        {
          title: { fi: 'Muutoskuvan täydentäminen', en: 'Completing the picture of change' },
          goal: { fi: 'Muutoskuvaan on lisätty se, mitä välitehtävät toivat esiin.', en: 'What the intermediate tasks brought up is added to the picture of change.' },
          durationMin: 15,
          minDurationMin: 10,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Palaa kehityskarttaan ja kysy, mitä siitä puuttuu ja mikä näyttää nyt toisin. Kutsu eri organisaatioiden edustajia kommentoimaan toistensa havaintoja, jotta keskustelu ei kulje vain fasilitaattorin kautta.',
            en: 'Go back to the development map and ask what is missing and what now looks different. Invite people from different organisations to comment on each other\'s points so the conversation does not all run through you.',
          },
          participantInstructions: {
            fi: 'Mitä kehityskartalta vielä puuttuu? Mikä näyttää nyt erilaiselta kuin viimeksi?',
            en: 'What is still missing from the development map? What looks different from last time?',
          },
          promptCardIds: ['boundary-communication', 'trust-silence'],
          source: { seed, lines: '906-909, 1160-1163' },
        },
        {
          title: { fi: 'Tauko', en: 'Break' },
          goal: { fi: 'Palautuminen ennen valintaa.', en: 'A rest before choosing.' },
          durationMin: 10,
          minDurationMin: 5,
          kind: 'break',
          facilitatorNotes: {
            fi: 'Ryhmittele kokeiluideat tauon aikana valkotaululle äänestystä varten ja yhdistä päällekkäiset.',
            en: 'During the break, group the experiment ideas on the whiteboard for the vote and merge duplicates.',
          },
          participantInstructions: { fi: 'Tauko. Jatketaan kymmenen minuutin päästä.', en: 'Break. We continue in ten minutes.' },
          promptCardIds: [],
          source: { seed, lines: '12-16' },
        },
        {
          title: { fi: 'Kokeilujen valinta äänestämällä', en: 'Choosing experiments by vote' },
          goal: { fi: 'Toteutettavat kehittämiskokeilut on valittu.', en: 'The development experiments to run are chosen.' },
          durationMin: 20,
          minDurationMin: 10,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Käy ryhmitellyt ideat läpi ja anna hetki kysymyksille ennen äänestystä. Suosi kokeiluja, jotka ylittävät organisaatiorajat. Kerro äänestystapa selkeästi (esim. kolme ääntä per henkilö). Kerro tulos ääneen ja kirjaa se.',
            en: 'Go through the grouped ideas and leave a moment for questions before voting. Favour experiments that cross organisational boundaries. Explain the voting clearly (e.g. three votes each). Announce the choice and record it.',
          },
          participantInstructions: {
            fi: 'Käytä kolme ääntäsi niihin kokeiluihin, joita haluat viedä eteenpäin. Voit antaa useamman äänen samalle.',
            en: 'Use your three votes on the experiments you want to take forward. You may give more than one vote to the same idea.',
          },
          promptCardIds: ['boundary-cooperation', 'trust-invite-quiet'],
          source: { seed, lines: '1133-1138' },
        },
        {
          title: { fi: 'Kokeilusuunnitelmat pienryhmissä', en: 'Planning the experiments in small groups' },
          goal: { fi: 'Jokaisella kokeilulla on tavoite, ensimmäiset askeleet, vastuut ja aikataulu.', en: 'Each experiment has a goal, first steps, owners and a timetable.' },
          durationMin: 35,
          minDurationMin: 20,
          kind: 'breakout',
          facilitatorNotes: {
            fi: 'Jaa osallistujat kokeiluryhmiin ja kerro ennen siirtymistä, mitä suunnitelmaan tarvitaan: tavoite, ensimmäiset askeleet, kuka tekee mitä ja milloin. Kannusta pilkkomaan kokeilu pieniin osiin. Vieraile ryhmissä ja muistuta ajasta.',
            en: 'Split people into one group per experiment and, before they leave, say what the plan needs: a goal, first steps, who does what and by when. Encourage them to break the experiment into small parts. Visit the groups and remind them of the time.',
          },
          participantInstructions: {
            fi: 'Suunnitelkaa kokeilunne pohjaan: Mitä kokeillaan ja miksi? Kuka tekee mitä? Milloin aloitetaan ja milloin katsotaan tuloksia? Miten tiedämme, onnistuiko kokeilu?',
            en: 'Fill in your experiment plan: What are we trying and why? Who does what? When do we start and when do we look at the results? How will we know whether it worked?',
          },
          promptCardIds: ['close-what-who-when', 'boundary-cooperation'],
          source: { seed, lines: '769-775, 1344-1354' },
        },
        {
          title: { fi: 'Suunnitelmien esittely ja sopiminen', en: 'Presenting the plans and agreeing' },
          goal: { fi: 'Kaikki tietävät, mitä kokeillaan, kuka vastaa ja milloin tavataan seuraavan kerran.', en: 'Everyone knows what is being tried, who is responsible and when we meet next.' },
          durationMin: 20,
          minDurationMin: 10,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Jokainen ryhmä esittelee suunnitelmansa. Varmista joka kokeilusta mitä, miksi, kuka, milloin ja miten. Kerro, että kokeilut tehdään työpajojen välissä ja niiden kokemuksia arvioidaan kolmannessa työpajassa. Kiitä osallistujia.',
            en: 'Each group presents its plan. For every experiment make sure what, why, who, when and how are clear. Explain that the experiments run between the workshops and are evaluated in the third one. Thank the participants.',
          },
          participantInstructions: {
            fi: 'Esitelkää suunnitelmanne kahdessa minuutissa. Kirjaa itsellesi, mitä sinä teet ennen seuraavaa työpajaa.',
            en: 'Present your plan in two minutes. Note down what you will do before the next workshop.',
          },
          promptCardIds: ['close-what-who-when', 'trust-positive-feedback'],
          source: { seed, lines: '621-625, 907-909' },
        },
      ],
    },
    {
      title: { fi: 'Työpaja 3: Kokeilujen arviointi ja jatko', en: 'Workshop 3: Evaluating the experiments and next steps' },
      goal: {
        fi: 'Kokeilut on arvioitu kolmesta näkökulmasta, jatkosta on sovittu ja yhteiskehittämisen prosessi on arvioitu.',
        en: 'The experiments are evaluated from three views, the next steps are agreed, and the co-development process is evaluated.',
      },
      phases: [
        {
          title: { fi: 'Avaus', en: 'Opening' },
          goal: { fi: 'Ryhmä tietää, mitä tänään arvioidaan ja miten.', en: 'The group knows what is evaluated today and how.' },
          durationMin: 10,
          minDurationMin: 5,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Tervehdi kaikkia ja kerro tavoite: arvioidaan kokeiluja työntekijän, asiakkaan ja nykyisten käytäntöjen kannalta ja sovitaan jatkosta. Korosta, että arviointi on oppimista eikä tentti.',
            en: 'Greet everyone and state the goal: we evaluate the experiments from the employee, customer and current-practice views and agree what happens next. Stress that evaluation is for learning, not an exam.',
          },
          participantInstructions: {
            fi: 'Tervetuloa! Tänään katsomme, mitä kokeilut ovat tuottaneet, ja sovimme jatkosta.',
            en: 'Welcome! Today we look at what the experiments have produced and agree how to continue.',
          },
          promptCardIds: ['trust-goal', 'trust-take-floor'],
          source: { seed, lines: '910-912' },
        },
        {
          title: { fi: 'Mitä kokeiluissa tehtiin', en: 'What the experiments did' },
          goal: { fi: 'Jokaisen kokeilun vaiheet ja havainnot on kuultu.', en: 'Everyone has heard what each experiment did and observed.' },
          durationMin: 25,
          minDurationMin: 15,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Jokainen kokeiluryhmä kertoo lyhyesti, mitä tehtiin, mikä onnistui ja mikä jäi kesken. Kesken jääminen on myös tulos: kysy, mitä siitä opittiin. Pidä esittelyt tasapuolisen mittaisina.',
            en: 'Each experiment group says briefly what they did, what worked and what was left unfinished. Unfinished is also a result: ask what was learned from it. Keep the presentations to a fair, even length.',
          },
          participantInstructions: {
            fi: 'Kertokaa kokeilustanne: mitä teitte, mikä onnistui, mikä yllätti?',
            en: 'Tell us about your experiment: what did you do, what worked, what surprised you?',
          },
          promptCardIds: ['experiment-evaluate', 'trust-positive-feedback'],
          source: { seed, lines: '649-652, 910-912' },
        },
        {
          title: { fi: 'Arviointi: mitä kokeilu tuotti työntekijöille', en: 'Evaluation: what it gave the employees' },
          goal: { fi: 'Kokeilun hyödyt ja haitat kokeilijoille itselleen on kirjattu.', en: 'The benefits and drawbacks for the people who ran the experiment are recorded.' },
          durationMin: 20,
          minDurationMin: 10,
          kind: 'small-groups',
          facilitatorNotes: {
            fi: 'Pienryhmät arvioivat kukin yhtä kokeilua arviointipohjalle. Tässä osassa näkökulma on työntekijöiden eli kokeilijoiden: miten työ muuttui, mikä helpottui, mikä kuormitti?',
            en: 'Each small group evaluates one experiment on the evaluation template. In this part the view is that of the employees who ran it: how did the work change, what got easier, what added strain?',
          },
          participantInstructions: {
            fi: 'Mitä kokeilu tuotti meille kokeilijoille? Mikä helpottui, mikä kuormitti, mitä opimme?',
            en: 'What did the experiment give us, the people who ran it? What got easier, what added strain, what did we learn?',
          },
          promptCardIds: ['experiment-evaluate'],
          source: { seed, lines: '649-652, 709-712' },
        },
        {
          title: { fi: 'Arviointi: mitä kokeilu tuotti asiakkaille', en: 'Evaluation: what it gave the customers' },
          goal: { fi: 'Kokeilun vaikutukset asiakkaisiin on kirjattu.', en: 'The effects on customers are recorded.' },
          durationMin: 20,
          minDurationMin: 10,
          kind: 'small-groups',
          facilitatorNotes: {
            fi: 'Samat ryhmät jatkavat asiakkaan näkökulmaan. Jos asiakkaita on mukana, pyydä heitä puhumaan ensin. Jos ei, kysy, mistä tiedämme asiakkaiden kokemuksen – ja mistä emme.',
            en: 'The same groups move on to the customer view. If customers are present, ask them to speak first. If not, ask how we know what customers experienced – and what we do not know.',
          },
          participantInstructions: {
            fi: 'Mitä kokeilu tuotti asiakkaille? Mistä sen tiedämme? Mitä asiakkaat sanoisivat, jos kysyisimme?',
            en: 'What did the experiment give the customers? How do we know? What would they say if we asked?',
          },
          promptCardIds: ['experiment-evaluate', 'trust-invite-quiet'],
          source: { seed, lines: '649-652, 709-712' },
        },
        {
          title: { fi: 'Tauko', en: 'Break' },
          goal: { fi: 'Palautuminen ennen yhteistä arviointia.', en: 'A rest before the joint evaluation.' },
          durationMin: 10,
          minDurationMin: 5,
          kind: 'break',
          facilitatorNotes: {
            fi: 'Kokoa tauolla ryhmien arvioinnit yhteen näkymään seuraavaa osuutta varten.',
            en: 'During the break, gather the groups\' evaluations into one view for the next part.',
          },
          participantInstructions: { fi: 'Tauko. Jatketaan kymmenen minuutin päästä.', en: 'Break. We continue in ten minutes.' },
          promptCardIds: [],
          source: { seed, lines: '12-16' },
        },
        {
          title: { fi: 'Yhteensovittaminen nykyisiin käytäntöihin', en: 'Fit with current practice' },
          goal: { fi: 'Tiedämme, miten kokeilut sopivat yhteen jo käytössä olevien ratkaisujen kanssa.', en: 'We know how the experiments fit with the solutions and practices already in use.' },
          durationMin: 20,
          minDurationMin: 10,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Yhteensovittaminen tarkoittaa sitä, miten kokeilu sopii nykyisiin, jo käytössä oleviin ratkaisuihin ja toimintamalleihin. Kysy kummaltakin organisaatiolta erikseen, mitä kokeilun käyttöönotto vaatisi juuri heillä. Anna erimielisyyksien näkyä – ne kertovat, mitä on vielä ratkaistava.',
            en: 'Fit means how the experiment sits with the solutions and ways of working already in use. Ask each organisation separately what adopting the experiment would take for them. Let disagreements show – they tell us what is still to be solved.',
          },
          participantInstructions: {
            fi: 'Miten kokeilu sopii siihen, miten jo nyt toimimme? Mitä pitäisi muuttaa, jotta siitä tulisi pysyvä käytäntö?',
            en: 'How does the experiment fit with how we already work? What would need to change for it to become everyday practice?',
          },
          promptCardIds: ['experiment-evaluate', 'boundary-communication'],
          source: { seed, lines: '652-655' },
        },
        {
          title: { fi: 'Seuraavat askeleet', en: 'Next steps' },
          goal: { fi: 'Jokaisesta kokeilusta on päätetty: jatketaan, muutetaan vai lopetetaan – ja kuka vastaa.', en: 'For each experiment we have decided to continue, change or stop – and who is responsible.' },
          durationMin: 25,
          minDurationMin: 15,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Tee jokaisesta kokeilusta päätös ja kirjaa mitä, miksi, kuka, milloin ja miten. Nimetkää vastuuhenkilö jokaisesta organisaatiosta ja sopikaa seuraava tapaaminen. Tämä vaihe jää helposti tekemättä, kun energia on jo käytetty – pidä sille varatusta ajasta kiinni.',
            en: 'Make a decision on each experiment and record what, why, who, when and how. Name a responsible person from each organisation and set the next meeting. This step is easily skipped when energy runs low – protect its time.',
          },
          participantInstructions: {
            fi: 'Päätetään yhdessä jokaisen kokeilun jatko. Kuka vastaa, mitä tehdään seuraavaksi ja milloin?',
            en: 'Let\'s decide together how each experiment continues. Who is responsible, what happens next and when?',
          },
          promptCardIds: ['close-what-who-when'],
          source: { seed, lines: '710-712, 1344-1354' },
        },
        {
          title: { fi: 'Prosessin arviointi', en: 'Evaluating the process' },
          goal: { fi: 'Olemme arvioineet, miten virtuaalinen yhteiskehittäminen toimi.', en: 'We have evaluated how the virtual co-development worked.' },
          durationMin: 15,
          minDurationMin: 10,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Pyydä jokaista kertomaan yksi asia, joka toimi, ja yksi, jonka tekisi toisin. Kysy myös välineistä ja siitä, miten luottamus syntyi. Kiitä ryhmää konkreettisesti siitä, mitä se sai aikaan.',
            en: 'Ask everyone for one thing that worked and one they would do differently. Ask about the tools too, and about how trust developed. Thank the group concretely for what it achieved.',
          },
          participantInstructions: {
            fi: 'Kerro yksi asia, joka toimi tässä yhteistyössä, ja yksi, jonka tekisit toisin.',
            en: 'Name one thing that worked in this collaboration and one you would do differently.',
          },
          promptCardIds: ['trust-positive-feedback', 'dialogue-principles'],
          source: { seed, lines: '655-656, 1338-1342' },
        },
        {
          title: { fi: 'Lopetus', en: 'Close' },
          goal: { fi: 'Sarja päättyy selkeästi ja sovitut asiat ovat kaikkien tiedossa.', en: 'The series ends clearly and everyone knows what was agreed.' },
          durationMin: 5,
          minDurationMin: 5,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Kertaa sovitut jatkoaskeleet ja vastuuhenkilöt. Kerro, mistä yhteenveto löytyy. Kiitä.',
            en: 'Repeat the agreed next steps and the responsible people. Say where the summary will be shared. Thank everyone.',
          },
          participantInstructions: {
            fi: 'Kiitos yhteisestä työstä! Yhteenveto sovituista asioista jaetaan kaikille.',
            en: 'Thank you for working together! A summary of what we agreed will be shared with everyone.',
          },
          promptCardIds: ['close-what-who-when', 'trust-positive-feedback'],
          source: { seed, lines: '996-1005' },
        },
      ],
    },
  ],
};
