// The "Uudistamme yhdessä kumppaneiden kanssa!" (Co-development together with partners) model: preparation,
// three joint virtual meetings, and work on a shared platform between them. The model's own step figure
// (Kuva 2) did not survive in the seed text, so the steps follow the model's description, its four keys to
// success and its "remember at least these" list, and the participants' feedback it was built from.
import { SEEDS, type ScriptTemplate } from './types';

const seed = SEEDS.virtualCoDevelopment;

export const partnersModel: ScriptTemplate<'partners-co-development'> = {
  id: 'partners-co-development',
  title: {
    fi: 'Uudistamme yhdessä kumppaneiden kanssa! -malli',
    en: 'Co-development Together with Partners! model',
  },
  description: {
    fi: 'Käytännönläheinen malli kahden tai useamman organisaation virtuaaliseen yhteiskehittämiseen: vastuuhenkilöiden valmistelutapaaminen, kolme yhteistä virtuaalitapaamista ja niiden välinen työskentely yhteisellä alustalla. Mukana mallin onnistumisen avaimet: digivälineiden hallinta, organisaatiorajojen ylittäminen, nopea luottamus sekä prosessin kannattelu ja johtaminen.',
    en: 'A practical model for virtual co-development between two or more organisations: a preparation meeting of the responsible people, three joint virtual meetings, and work on a shared platform in between. It builds in the model\'s keys to success: skill with digital tools, crossing organisational boundaries, swift trust, and carrying and leading the process.',
  },
  source: { seed, lines: '1364-1417' },
  workshops: [
    {
      title: { fi: 'Valmistelu', en: 'Preparation' },
      goal: {
        fi: 'Vastuuhenkilöt on nimetty, yhteinen aihe ja realistinen tavoite on alustavasti sovittu, ja tapaamiset on aikataulutettu.',
        en: 'The responsible people are named, a shared topic and a realistic goal are drafted, and the meetings are scheduled.',
      },
      phases: [
        {
          title: { fi: 'Vastuuhenkilöt ja roolit', en: 'Responsible people and roles' },
          goal: { fi: 'Jokaisesta organisaatiosta on nimetty vastuuhenkilö ja fasilitaattori on valittu.', en: 'Each organisation has named a responsible person, and a facilitator is chosen.' },
          durationMin: 15,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Malli suosittelee nimeämään vastuuhenkilöt prosessin läpiviemiseksi. Sopikaa, kuka fasilitoi – se ei välttämättä ole esihenkilö. Sopikaa myös varahenkilöt ja voiko vetovastuu kiertää organisaatioiden kesken.',
            en: 'The model recommends naming responsible people to carry the process through. Agree who facilitates – not necessarily a manager. Agree on deputies too, and whether the lead can rotate between the organisations.',
          },
          participantInstructions: {
            fi: 'Kuka vastaa prosessista teidän organisaatiossanne? Kuka toimii varahenkilönä?',
            en: 'Who is responsible for the process in your organisation? Who is their deputy?',
          },
          promptCardIds: ['boundary-cooperation'],
          source: { seed, lines: '1344-1351, 1370-1372' },
        },
        {
          title: { fi: 'Yhteinen aihe ja realistinen tavoite', en: 'Shared topic and a realistic goal' },
          goal: { fi: 'Yhteistyölle on luonnos selkeästä ja mahdollisimman realistisesta tavoitteesta.', en: 'There is a draft of a clear and as realistic as possible goal for the collaboration.' },
          durationMin: 20,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Etsikää yhteinen intressi: mikä asia hyödyttää kaikkia osapuolia? Tarkka kysymys voi selvitä vasta kehityskarttatyöskentelyssä, joten riittää, että suunta on yhteinen. Kirjatkaa tavoite lyhyesti.',
            en: 'Look for the shared interest: what would benefit every party? The precise question may only become clear during the development-map work, so a shared direction is enough for now. Write the goal down briefly.',
          },
          participantInstructions: {
            fi: 'Mikä on se asia, jonka haluamme ratkaista yhdessä? Mikä olisi realistinen tavoite kolmen tapaamisen aikana?',
            en: 'What is the thing we want to solve together? What would be a realistic goal over three meetings?',
          },
          promptCardIds: ['trust-goal'],
          source: { seed, lines: '1312-1314, 1412' },
        },
        {
          title: { fi: 'Osallistujat ja ajoitus', en: 'Participants and timing' },
          goal: { fi: 'Kutsuttavat on valittu ja tapaamiset on sijoitettu kalenteriin.', en: 'The invitees are chosen and the meetings are in the calendar.' },
          durationMin: 15,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Valitkaa mukaan ihmisiä, joilla on erityisosaamista eri alueilta – asiantuntevat osallistujat tukevat nopeaa luottamusta. Välttäkää loma-aikoja ja hetkiä, jolloin organisaatioissa on käynnissä isoja muutoksia.',
            en: 'Invite people with special expertise in different areas – knowledgeable participants help swift trust. Avoid holiday seasons and times when the organisations are going through big changes.',
          },
          participantInstructions: {
            fi: 'Keitä meidän kannattaa kutsua ja miksi? Milloin kaikilla on aikaa keskittyä tähän?',
            en: 'Whom should we invite, and why? When does everyone have time to focus on this?',
          },
          promptCardIds: ['trust-recognise-expertise'],
          source: { seed, lines: '1314-1316, 1408-1410' },
        },
        {
          title: { fi: 'Välineet ja käsikirjoitus', en: 'Tools and the script' },
          goal: { fi: 'Kokousväline ja yhteinen alusta on valittu, ja käsikirjoituksessa on väljyyttä.', en: 'The meeting tool and the shared platform are chosen, and the script leaves some slack.' },
          durationMin: 10,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Valitkaa välineet, joihin kaikki pääsevät, ja sopikaa, kuka opastaa niiden käytössä. Jättäkää käsikirjoitukseen väljyyttä: tiukka aikataulu tekee keskustelusta helposti fasilitaattorivetoista.',
            en: 'Choose tools everyone can access and agree who helps people use them. Leave slack in the script: a tight schedule easily makes the conversation facilitator-driven.',
          },
          participantInstructions: {
            fi: 'Mitä välineitä kaikki osaavat jo käyttää? Missä tarvitaan opastusta?',
            en: 'Which tools can everyone already use? Where is guidance needed?',
          },
          promptCardIds: ['trust-tools'],
          source: { seed, lines: '12-16, 1383-1385' },
        },
      ],
    },
    {
      title: { fi: 'Yhteistapaaminen 1: Tutustuminen ja yhteinen kohde', en: 'Joint meeting 1: Getting to know each other and a shared focus' },
      goal: {
        fi: 'Osallistujat tuntevat toisensa ja toistensa osaamisen, ja kehittämisen yhteinen kohde on valittu.',
        en: 'Participants know each other and each other\'s expertise, and the shared focus of development is chosen.',
      },
      phases: [
        {
          title: { fi: 'Avaus, tavoite ja pelisäännöt', en: 'Opening, goal and ground rules' },
          goal: { fi: 'Tavoite on kaikille selvä ja yhteiset pelisäännöt on sovittu.', en: 'The goal is clear to all and shared ground rules are agreed.' },
          durationMin: 15,
          minDurationMin: 10,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Kerro yhteistyön tavoite ja tämän tapaamisen tavoite. Sopikaa pelisäännöt: kamerat, puheenvuorot, chatin käyttö, luottamuksellisuus. Verkostomaisessa työssä pelisäännöt ja yhteiset tavoitteet estävät jämähtämistä omaan poteroon.',
            en: 'State the goal of the collaboration and of this meeting. Agree ground rules: cameras, turns, using the chat, confidentiality. In network work, ground rules and shared goals keep people from retreating into their own corner.',
          },
          participantInstructions: {
            fi: 'Mitä pelisääntöjä tarvitsemme, jotta jokainen voi osallistua? Ehdota yhtä.',
            en: 'What ground rules do we need so that everyone can take part? Suggest one.',
          },
          promptCardIds: ['trust-goal', 'ground-rules', 'trust-take-floor'],
          source: { seed, lines: '1312-1314' },
        },
        {
          title: { fi: 'Esittäytyminen ja osaaminen näkyväksi', en: 'Introductions and making expertise visible' },
          goal: { fi: 'Jokainen on esittäytynyt ja kertonut, mitä osaamista tuo.', en: 'Everyone has introduced themselves and said what expertise they bring.' },
          durationMin: 20,
          minDurationMin: 10,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Esittäytyminen ja toisiin tutustuminen edistivät luottamusta ensimmäisessä tapaamisessa. Pyydä jokaista kertomaan myös yksi asia, jossa hän voi auttaa muita. Kun osaaminen tulee näkyväksi, organisaatioiden väliset raja-aidat madaltuvat.',
            en: 'Introductions and getting to know each other built trust in the first meeting. Ask everyone to also name one thing they can help others with. When expertise becomes visible, the fences between organisations get lower.',
          },
          participantInstructions: {
            fi: 'Kerro nimesi, organisaatiosi, työsi – ja yksi asia, jossa voit auttaa muita.',
            en: 'Tell us your name, organisation and job – and one thing you can help the others with.',
          },
          promptCardIds: ['trust-introductions', 'trust-recognise-expertise'],
          source: { seed, lines: '1330-1332, 1338-1341' },
        },
        {
          title: { fi: 'Välineet tutuiksi', en: 'Getting to know the tools' },
          goal: { fi: 'Jokainen pääsee yhteiselle alustalle ja osaa kirjata sinne.', en: 'Everyone can open the shared platform and write on it.' },
          durationMin: 10,
          minDurationMin: 5,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Jaa alustan linkki chattiin ja näytä perustoiminnot. Pyydä jokaista kirjaamaan jotain heti. Alustan opettelu vie aina aikansa – varaa siihen aikaa tässä eikä kesken ryhmätyön.',
            en: 'Post the platform link in the chat and show the basics. Ask everyone to write something right away. Learning a platform always takes time – spend it here rather than in the middle of group work.',
          },
          participantInstructions: {
            fi: 'Avaa alustan linkki chatista ja kirjoita sinne tervehdys.',
            en: 'Open the platform link from the chat and write a greeting there.',
          },
          promptCardIds: ['trust-tools'],
          source: { seed, lines: '1383-1385' },
        },
        {
          title: { fi: 'Kehityskartta: nykytila ja lähitulevaisuus', en: 'Development map: now and the near future' },
          goal: { fi: 'Kunkin organisaation toiminta ja sen muutos on kuvattu kartalle.', en: 'Each organisation\'s work and its change is described on the map.' },
          durationMin: 35,
          minDurationMin: 20,
          kind: 'small-groups',
          facilitatorNotes: {
            fi: 'Kehityskartta auttoi osallistujia hahmottamaan nykytilan, minkä jälkeen lähitulevaisuuden tarkastelu ja ideointi oli helpompaa. Kuvatkaa ensin työn sisältö ja tarkoitus, sitten toimintatavat – kumpikin nyt ja lähitulevaisuudessa.',
            en: 'The development map helped participants see the present, which made looking at the near future and generating ideas easier. Describe the content and purpose of the work first, then the ways of working – each now and in the near future.',
          },
          participantInstructions: {
            fi: 'Kuvatkaa kartalle: mitä työmme on nyt ja mihin se on muuttumassa? Miten toimimme nyt ja miten meidän pitäisi toimia?',
            en: 'Describe on the map: what is our work now and where is it heading? How do we work now and how should we work?',
          },
          promptCardIds: ['boundary-cooperation', 'trust-invite-quiet'],
          source: { seed, lines: '612-616, 1355-1358' },
        },
        {
          title: { fi: 'Yhteinen kehittämisen kohde', en: 'Choosing the shared focus' },
          goal: { fi: 'Karttojen yhtymäkohdista on valittu yhteinen kehittämisen kohde.', en: 'A shared focus for development is chosen from where the maps meet.' },
          durationMin: 25,
          minDurationMin: 15,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Kohteen valinta koettiin erityisen tärkeäksi. Kysy, mitä yhtymäkohtia kartoissa näkyy ja mistä kannattaisi keskustella yhdessä lisää. Kun osallistujat alkavat kysyä toisiltaan suoraan, anna keskustelun kulkea – se on merkki yhteisen kohteen muotoutumisesta.',
            en: 'Choosing the focus was felt to be especially important. Ask what the maps have in common and what is worth discussing further together. When participants start asking each other directly, let the conversation run – it shows a shared focus is forming.',
          },
          participantInstructions: {
            fi: 'Mitä yhteistä kartoissamme on? Missä voisimme oppia toisiltamme tai tehdä yhdessä?',
            en: 'What do our maps have in common? Where could we learn from each other or work together?',
          },
          promptCardIds: ['boundary-communication', 'dialogue-principles', 'trust-silence'],
          source: { seed, lines: '1123-1128, 1355-1356' },
        },
        {
          title: { fi: 'Välitehtävän ohjeet', en: 'Instructions for the intermediate task' },
          goal: { fi: 'Jokainen tietää, mitä alustalla tehdään ennen seuraavaa tapaamista ja kenen kanssa.', en: 'Everyone knows what to do on the platform before the next meeting, and with whom.' },
          durationMin: 10,
          minDurationMin: 5,
          kind: 'intermediate-task',
          facilitatorNotes: {
            fi: 'Muodosta parit tai pienryhmät eri organisaatioista. Alusta mahdollistaa työskentelyn myös tapaamisten välissä: jokainen voi työskennellä itsenäisesti, ja ajatukset kiteytetään yhdessä. Kirjaa ryhmät ja määräaika alustalle.',
            en: 'Form pairs or small groups across organisations. The platform lets work continue between meetings: everyone can work on their own, and the thinking is pulled together jointly. Post the groups and the deadline on the platform.',
          },
          participantInstructions: {
            fi: 'Pohdi ensin yksin, mitä valittu kohde merkitsee omalle työllesi. Jaa ajatuksesi parisi kanssa ja kirjatkaa alustalle 1–3 kokeiluideaa ennen seuraavaa tapaamista.',
            en: 'First reflect on your own what the chosen focus means for your work. Share your thoughts with your partner and add 1–3 experiment ideas to the platform before the next meeting.',
          },
          promptCardIds: ['intermediate-task', 'boundary-cooperation'],
          source: { seed, lines: '1309-1311, 1374-1376' },
        },
        {
          title: { fi: 'Lopetus', en: 'Close' },
          goal: { fi: 'Sovitut asiat ja seuraava tapaaminen ovat kaikkien tiedossa.', en: 'Everyone knows what was agreed and when we meet next.' },
          durationMin: 5,
          minDurationMin: 5,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Kertaa valittu kohde, välitehtävä ja seuraavan tapaamisen aika. Anna myönteistä palautetta tehdystä työstä.',
            en: 'Repeat the chosen focus, the intermediate task and the time of the next meeting. Give positive feedback on the work done.',
          },
          participantInstructions: { fi: 'Kiitos! Nähdään alustalla ja seuraavassa tapaamisessa.', en: 'Thank you! See you on the platform and at the next meeting.' },
          promptCardIds: ['close-what-who-when', 'trust-positive-feedback'],
          source: { seed, lines: '1374-1376' },
        },
      ],
    },
    {
      title: { fi: 'Yhteistapaaminen 2: Kokeilut', en: 'Joint meeting 2: Experiments' },
      goal: {
        fi: 'Kehittämiskokeilut on valittu ja suunniteltu, ja jokaisella on vastuuhenkilö.',
        en: 'The development experiments are chosen and planned, and each has a responsible person.',
      },
      phases: [
        {
          title: { fi: 'Avaus ja kuulumiset', en: 'Opening and check-in' },
          goal: { fi: 'Ryhmä on taas koolla ja tietää päivän tavoitteen.', en: 'The group is together again and knows today\'s goal.' },
          durationMin: 10,
          minDurationMin: 5,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Tervehdi jokaista – myöhemmissä tapaamisissa toisten kohtaaminen esimerkiksi tervehtimällä vahvisti luottamusta. Kerro päivän tavoite.',
            en: 'Greet everyone – in the later meetings, acknowledging each other, for instance by greeting, strengthened trust. State today\'s goal.',
          },
          participantInstructions: {
            fi: 'Kerro lyhyesti kuulumisesi ja yksi ajatus välitehtävästä.',
            en: 'Share briefly how you are and one thought from the intermediate task.',
          },
          promptCardIds: ['trust-goal', 'trust-take-floor'],
          source: { seed, lines: '1338-1342' },
        },
        {
          title: { fi: 'Välitehtävän anti', en: 'What the intermediate task produced' },
          goal: { fi: 'Parien ja ryhmien ajatukset ja kokeiluideat on jaettu.', en: 'The pairs\' and groups\' thoughts and experiment ideas are shared.' },
          durationMin: 20,
          minDurationMin: 10,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Käykää alustalle kirjatut ideat läpi pari kerrallaan. Kysy myös niiltä, jotka eivät ole vielä puhuneet. Keskeneräisetkin ideat kelpaavat.',
            en: 'Go through the ideas on the platform one pair at a time. Ask those who have not spoken yet as well. Unfinished ideas are welcome.',
          },
          participantInstructions: {
            fi: 'Esitelkää parinne ajatukset ja kokeiluideat lyhyesti.',
            en: 'Present your pair\'s thoughts and experiment ideas briefly.',
          },
          promptCardIds: ['intermediate-task', 'trust-invite-quiet'],
          source: { seed, lines: '1133-1138' },
        },
        {
          title: { fi: 'Kokeiluideoiden jatkokehittely', en: 'Developing the experiment ideas' },
          goal: { fi: 'Ideat on jalostettu ehdotuksiksi, joista voi äänestää.', en: 'The ideas are worked into proposals that can be voted on.' },
          durationMin: 30,
          minDurationMin: 15,
          kind: 'small-groups',
          facilitatorNotes: {
            fi: 'Sekaryhmät jatkavat ideoita: mitä kokeilu tarkalleen olisi ja mitä se tuottaisi kullekin osapuolelle? Kannusta rohkeuteen – pienikin kokeilu tuottaa tietoa.',
            en: 'Mixed groups develop the ideas further: what exactly would the experiment be and what would it give each party? Encourage boldness – even a small experiment produces knowledge.',
          },
          participantInstructions: {
            fi: 'Muotoilkaa ideastanne kokeiluehdotus: mitä kokeillaan, kenen kanssa ja mitä siitä toivotaan?',
            en: 'Shape your idea into an experiment proposal: what is tried, with whom, and what do we hope to get from it?',
          },
          promptCardIds: ['boundary-cooperation'],
          source: { seed, lines: '1133-1138, 1417' },
        },
        {
          title: { fi: 'Kokeilujen valinta', en: 'Choosing the experiments' },
          goal: { fi: 'Toteutettavat kokeilut on valittu äänestämällä.', en: 'The experiments to run are chosen by vote.' },
          durationMin: 15,
          minDurationMin: 10,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Ryhmät esittelevät ehdotuksensa minuutissa, sitten äänestetään. Kerro äänestystapa selkeästi ja sano tulos ääneen.',
            en: 'Each group presents its proposal in a minute, then we vote. Explain the voting clearly and announce the result.',
          },
          participantInstructions: { fi: 'Äänestä kokeiluja, joihin haluat lähteä mukaan.', en: 'Vote for the experiments you want to be part of.' },
          promptCardIds: ['trust-invite-quiet'],
          source: { seed, lines: '1136-1138' },
        },
        {
          title: { fi: 'Kokeilujen suunnittelu', en: 'Planning the experiments' },
          goal: { fi: 'Jokaisella kokeilulla on tavoite, osavaiheet, vastuut ja aikataulu.', en: 'Each experiment has a goal, stages, owners and a timetable.' },
          durationMin: 30,
          minDurationMin: 15,
          kind: 'breakout',
          facilitatorNotes: {
            fi: 'Kokeiluille kannattaa asettaa tavoite ja pilkkoa ne pienempiin osakokonaisuuksiin. Nimetkää vastuuhenkilö kustakin organisaatiosta ja sopikaa viestintäkanava. Pienempi valmisteluryhmä voi tavata useammin kuin koko ryhmä.',
            en: 'Set a goal for each experiment and split it into smaller parts. Name a responsible person from each organisation and agree a communication channel. A smaller preparation group can meet more often than the whole group.',
          },
          participantInstructions: {
            fi: 'Suunnitelkaa: tavoite, ensimmäinen osavaihe, kuka vastaa mistäkin, milloin tavataan ja missä viestitään.',
            en: 'Plan: the goal, the first stage, who owns what, when you meet and where you communicate.',
          },
          promptCardIds: ['close-what-who-when', 'boundary-cooperation'],
          source: { seed, lines: '1344-1354' },
        },
        {
          title: { fi: 'Sopiminen ja lopetus', en: 'Agreeing and closing' },
          goal: { fi: 'Kaikki tietävät, mitä seuraavaksi tapahtuu ja kuka vastaa.', en: 'Everyone knows what happens next and who is responsible.' },
          durationMin: 15,
          minDurationMin: 10,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Ryhmät kertovat suunnitelmansa. Varmista jokaisesta kokeilusta mitä, miksi, kuka, milloin ja miten. Muistuta, että kokeilujen eteneminen kirjataan alustalle ennen kolmatta tapaamista.',
            en: 'The groups share their plans. For every experiment make sure what, why, who, when and how are clear. Remind everyone to record progress on the platform before the third meeting.',
          },
          participantInstructions: {
            fi: 'Kirjaa itsellesi oma tehtäväsi ja määräaika. Päivitä kokeilun tilanne alustalle.',
            en: 'Note down your own task and deadline. Keep the experiment\'s status up to date on the platform.',
          },
          promptCardIds: ['close-what-who-when', 'intermediate-task', 'trust-positive-feedback'],
          source: { seed, lines: '1352-1354, 1374-1376' },
        },
      ],
    },
    {
      title: { fi: 'Yhteistapaaminen 3: Arviointi ja jatko', en: 'Joint meeting 3: Evaluation and continuation' },
      goal: {
        fi: 'Kokeilut ja yhteistyö on arvioitu, ja yhteistyön jatkuvuudesta on sovittu.',
        en: 'The experiments and the collaboration are evaluated, and how the collaboration continues is agreed.',
      },
      phases: [
        {
          title: { fi: 'Avaus', en: 'Opening' },
          goal: { fi: 'Ryhmä tietää, mitä tänään arvioidaan.', en: 'The group knows what is evaluated today.' },
          durationMin: 10,
          minDurationMin: 5,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Kerro tapaamisen tavoite ja kulku. Muistuta, että arviointi palvelee jatkoa.',
            en: 'State the goal and flow of the meeting. Remind people that evaluation serves what comes next.',
          },
          participantInstructions: { fi: 'Tervetuloa! Tänään arvioimme ja sovimme jatkosta.', en: 'Welcome! Today we evaluate and agree how to continue.' },
          promptCardIds: ['trust-goal'],
          source: { seed, lines: '1374-1376' },
        },
        {
          title: { fi: 'Kokeilujen tilanne', en: 'Where the experiments stand' },
          goal: { fi: 'Jokaisen kokeilun eteneminen on kuultu.', en: 'Everyone has heard how each experiment progressed.' },
          durationMin: 25,
          minDurationMin: 15,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Kysy jokaiselta kokeilulta: miten se eteni, virisikö uusia ideoita, vaikuttiko se muuhun yhteistyöhön? Anna myönteistä palautetta rohkeudesta kokeilla.',
            en: 'Ask each experiment: how did it progress, did new ideas emerge, did it affect other collaboration? Give positive feedback for the courage to experiment.',
          },
          participantInstructions: {
            fi: 'Miten kokeilunne eteni? Mitä uutta se sai aikaan?',
            en: 'How did your experiment go? What new did it bring about?',
          },
          promptCardIds: ['experiment-evaluate', 'trust-positive-feedback'],
          source: { seed, lines: '1344-1346, 1795-1803' },
        },
        {
          title: { fi: 'Kokeilujen arviointi', en: 'Evaluating the experiments' },
          goal: { fi: 'Kokeilujen hyödyt työntekijöille ja asiakkaille sekä sopivuus nykyisiin käytäntöihin on arvioitu.', en: 'The benefits for employees and customers, and the fit with current practice, are evaluated.' },
          durationMin: 30,
          minDurationMin: 15,
          kind: 'small-groups',
          facilitatorNotes: {
            fi: 'Jokainen ryhmä arvioi yhden kokeilun kolmesta näkökulmasta: mitä se tuotti kokeilijoille, mitä asiakkaille, ja miten se sopii yhteen jo käytössä olevien ratkaisujen kanssa.',
            en: 'Each group evaluates one experiment from three views: what it gave those who ran it, what it gave customers, and how it fits with the solutions already in use.',
          },
          participantInstructions: {
            fi: 'Arvioikaa kokeilua: mitä se tuotti meille, mitä asiakkaille, ja miten se sopii nykyiseen tapaamme toimia?',
            en: 'Evaluate the experiment: what did it give us, what did it give customers, and how does it fit with how we work now?',
          },
          promptCardIds: ['experiment-evaluate'],
          source: { seed, lines: '649-655' },
        },
        {
          title: { fi: 'Yhteistyön jatkuvuus', en: 'Keeping the collaboration going' },
          goal: { fi: 'Jatkon vastuuhenkilöt, kokoontumisrytmi ja viestintäkanavat on sovittu.', en: 'The people responsible, the meeting rhythm and the channels for what follows are agreed.' },
          durationMin: 25,
          minDurationMin: 15,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Jatkuvuus varmistuu, kun vastuuhenkilöillä on kokemusta ja osaamista ja he ovat vakituisia työntekijöitä. Sopikaa vetovastuun kierrosta, varahenkilöistä, säännöllisistä tapaamisista ja viestintäkanavista. Kirjatkaa mitä, miksi, kuka, milloin ja miten.',
            en: 'Continuity holds when the responsible people have the experience and skills and are permanent staff. Agree on rotating the lead, deputies, regular meetings and communication channels. Record what, why, who, when and how.',
          },
          participantInstructions: {
            fi: 'Miten jatkamme? Kuka vastaa, kuinka usein tavataan ja missä viestitään?',
            en: 'How do we continue? Who is responsible, how often do we meet and where do we communicate?',
          },
          promptCardIds: ['close-what-who-when', 'boundary-cooperation'],
          source: { seed, lines: '1344-1354' },
        },
        {
          title: { fi: 'Prosessin arviointi', en: 'Evaluating the process' },
          goal: { fi: 'Tiedämme, mikä yhteiskehittämisessä toimi ja mitä muuttaisimme.', en: 'We know what worked in the co-development and what we would change.' },
          durationMin: 20,
          minDurationMin: 10,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Kysy luottamuksesta, välineistä ja siitä, mitä osallistujat tarvitsisivat pitääkseen tällaisia työpajoja itse. Anna jokaiselle vuoro.',
            en: 'Ask about trust, about the tools, and what participants would need to run such workshops themselves. Give everyone a turn.',
          },
          participantInstructions: {
            fi: 'Miten luottamus syntyi? Mikä auttoi, mikä esti? Mitä tarvitsisit, jotta voisit vetää tällaisen prosessin itse?',
            en: 'How did trust develop? What helped and what got in the way? What would you need to lead a process like this yourself?',
          },
          promptCardIds: ['dialogue-principles', 'trust-invite-quiet'],
          source: { seed, lines: '1839-1857' },
        },
        {
          title: { fi: 'Lopetus', en: 'Close' },
          goal: { fi: 'Prosessi päättyy selkeästi ja jatko on kaikkien tiedossa.', en: 'The process ends clearly and everyone knows what follows.' },
          durationMin: 10,
          minDurationMin: 5,
          kind: 'plenary',
          facilitatorNotes: {
            fi: 'Kertaa sovittu jatko ja vastuuhenkilöt. Kiitä konkreettisesti siitä, mitä ryhmä sai yhdessä aikaan.',
            en: 'Repeat the agreed continuation and the people responsible. Thank the group concretely for what it achieved together.',
          },
          participantInstructions: { fi: 'Kiitos! Yhteenveto jaetaan kaikille alustalla.', en: 'Thank you! A summary will be shared with everyone on the platform.' },
          promptCardIds: ['close-what-who-when', 'trust-positive-feedback'],
          source: { seed, lines: '1393-1395' },
        },
      ],
    },
  ],
};
