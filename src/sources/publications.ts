// The publications Vuoro's templates and prompt cards are drawn from, in words a reader can look up.
// The seed copies these come from carry no title page, so titles, authors and years are taken from the
// texts themselves (chapter bylines, copyright lines, the latest year they describe); where a text does not
// say who wrote it, `by` names the publisher or project instead.
import type { ScriptLang } from '../script/schema';

type Localised = Record<ScriptLang, string>;

export interface Publication {
  /** The title as published (Finnish), with an English gloss for the English UI. */
  title: Localised;
  /** Authors, or the organisation or project when the text names no authors. */
  by: Localised;
  /** Year of publication as far as the text shows it. */
  year?: string;
  /** Sections as [first line, heading], in line order; a citation belongs to the last one at or before it. */
  sections: readonly (readonly [number, Localised])[];
}

const s = (line: number, fi: string, en: string) => [line, { fi, en }] as const;

export const PUBLICATIONS: Readonly<Record<string, Publication>> = {
  '000_ad6976b8e86b222a.txt': {
    title: {
      fi: 'Työpaikkojen virtuaalinen yhteiskehittäminen (Virtuoosit-hankkeen raportti)',
      en: 'Työpaikkojen virtuaalinen yhteiskehittäminen (Virtual co-development of workplaces, report of the Virtuoosit project)',
    },
    by: {
      fi: 'Heli Clottes Heikkilä, Hilkka Heikkilä, Anna-Leena Kurki ym., Työterveyslaitos',
      en: 'Heli Clottes Heikkilä, Hilkka Heikkilä, Anna-Leena Kurki et al., Finnish Institute of Occupational Health',
    },
    year: '2024',
    sections: [
      s(1, 'Tiivistelmä', 'Summary'),
      s(24, 'Abstract', 'Abstract'),
      s(46, 'luku 1 Johdanto', 'chapter 1 Introduction'),
      s(71, 'luku 1.1 Yhteiskehittäminen työn organisoinnin muotona', 'section 1.1 Co-development as a way of organising work'),
      s(96, 'luku 1.2 Virtuaalisuus tuo yhteiskehittämiseen omat erityispiirteensä', 'section 1.2 What being virtual brings to co-development'),
      s(117, 'luku 1.3 Tutkimustavoitteet', 'section 1.3 Aims of the study'),
      s(230, 'luku 1.4 Tutkimuksen toteutus', 'section 1.4 How the study was done'),
      s(271, 'luku 2 Kohdeorganisaatioiden lähtökohdat', 'chapter 2 Where the organisations started from'),
      s(562, 'luku 2.5 Yhteenveto', 'section 2.5 Summary'),
      s(595, 'luku 3 Muutosvuoropuhelu organisaatiorajat ylittävän yhteiskehittämisen edistäjänä', 'chapter 3 Change Dialogue in co-development across organisational boundaries'),
      s(666, 'luku 4 Kohti uudenlaista virtuaalista yhteistyötä', 'chapter 4 Towards a new kind of virtual collaboration'),
      s(678, 'luku 4.1 Virtuaalinen yhteiskehittäminen asiakkaan kanssa', 'section 4.1 Virtual co-development with the customer'),
      s(690, 'luku 4.1.1 Virtuaaliset muutosvuoropuhelutyöpajat yhteiskehittämisen tukena', 'section 4.1.1 Virtual Change Dialogue workshops supporting co-development'),
      s(724, 'luku 4.1.2 Aineisto ja menetelmät', 'section 4.1.2 Data and methods'),
      s(740, 'luku 4.1.3 Tulokset', 'section 4.1.3 Results'),
      s(836, 'luku 4.1.4 Yhteenveto', 'section 4.1.4 Summary'),
      s(870, 'luku 4.2 Virtuaalinen yhteiskehittäminen organisaatioiden välillä', 'section 4.2 Virtual co-development between organisations'),
      s(881, 'luku 4.2.1 Fasilitoijien vuorovaikutuskeinot nopean luottamuksen rakentamiseksi', 'section 4.2.1 How facilitators build swift trust'),
      s(922, 'luku 4.2.2 Aineisto ja menetelmät', 'section 4.2.2 Data and methods'),
      s(944, 'luku 4.2.3 Tulokset', 'section 4.2.3 Results'),
      s(1006, 'luku 4.2.4 Yhteenveto', 'section 4.2.4 Summary'),
      s(1063, 'luku 4.3 Virtuaalinen yhteiskehittäminen vertaisorganisaatioiden välillä', 'section 4.3 Virtual co-development between peer organisations'),
      s(1076, 'luku 4.3.1 Rajanylitykset yhteisen oppimisen ja kehittämisen merkkeinä ja mahdollistajina', 'section 4.3.1 Boundary crossings as signs and enablers of learning and developing together'),
      s(1107, 'luku 4.3.2 Aineisto ja menetelmät', 'section 4.3.2 Data and methods'),
      s(1156, 'luku 4.3.3 Tulokset', 'section 4.3.3 Results'),
      s(1240, 'luku 4.3.4 Yhteenveto', 'section 4.3.4 Summary'),
      s(1276, 'luku 5 Organisaatiorajat ylittävän virtuaalisen yhteiskehittämisen malli', 'chapter 5 A model of virtual co-development across organisational boundaries'),
      s(1291, 'luku 5.1 Palautetta kehittämisprosessista', 'section 5.1 Feedback on the development process'),
      s(1364, 'luku 5.2 Uudistamme yhdessä kumppaneiden kanssa! -malli', 'section 5.2 The “Renewing together with partners!” model'),
      s(1378, 'luku 5.2.1 Yhteiskehittämisen onnistumisen avaimet', 'section 5.2.1 Keys to successful co-development'),
      s(1403, 'luku 5.2.2 Muista ainakin nämä', 'section 5.2.2 Remember at least these'),
      s(1428, 'luku 6 Yhteenveto ja pohdinta', 'chapter 6 Summary and discussion'),
      s(1571, 'liite 1 Alkukartoituskysely, haastattelu', 'appendix 1 Initial survey, interview'),
      s(1680, 'liite 2 Alkukartoituskysely, sähköinen', 'appendix 2 Initial survey, online'),
      s(1787, 'liite 4 Jälkihaastattelukysymykset', 'appendix 4 Follow-up interview questions'),
    ],
  },
  '001_a1da71a1b6bcea78.txt': {
    title: {
      fi: 'Kohti kestävää arvon yhteisluontia hallinnollisessa tietotyössä teknologian aikakaudella (Towards Sustainable Value Co-Creation in Administrative Knowledge Work in the Tech Era)',
      en: 'Towards Sustainable Value Co-Creation in Administrative Knowledge Work in the Tech Era',
    },
    by: {
      fi: 'tutkimusartikkeli ison suomalaisen kuntaorganisaation kehittämispajoista 2021–2022 (tekijöitä ei mainita tekstissä)',
      en: 'research article on co-development workshops in a large Finnish municipality, 2021–2022 (authors not named in the text)',
    },
    year: '2024',
    sections: [
      s(1, 'Abstract', 'Abstract'),
      s(35, 'Johdanto', 'Introduction'),
      s(164, 'Yhteiskehittäminen ja arvontuottaminen tietotyössä', 'Co-development and value creation in knowledge work'),
      s(344, 'Tutkimuksen toteutus toimintatutkimuksena', 'The study as action research'),
      s(618, 'Tulokset', 'Results'),
      s(850, 'Johtopäätökset ja pohdinta', 'Conclusions and discussion'),
    ],
  },
  '002_be3f4f1bdd0259e8.txt': {
    title: {
      fi: 'Sotehelmet – helmiä hyvinvointialueiden johtamisen ja kehittämisen tueksi',
      en: 'Sotehelmet – pearls for leading and developing the wellbeing services counties',
    },
    by: {
      fi: 'Sotehelmet-hankkeet: Työterveyslaitos, Keva, KT, Tampereen yliopisto, Seinäjoen ammattikorkeakoulu, Åbo Akademi ym.',
      en: 'the Sotehelmet projects: Finnish Institute of Occupational Health, Keva, KT, Tampere University, Seinäjoki University of Applied Sciences, Åbo Akademi et al.',
    },
    year: '2022',
    sections: [
      s(1, 'Myötä- ja vastatuulta kehittämismerellä', 'Tailwinds and headwinds on the sea of development'),
      s(536, 'Dialogisuus organisaatiossa', 'Dialogue in the organisation'),
      s(634, 'Dialoginen toimintatapa: dialogin periaatteet', 'The dialogic way of working: principles of dialogue'),
      s(688, 'Demokraattinen dialogi – tasaveroinen vuoropuhelu', 'Democratic dialogue – conversation among equals'),
      s(750, 'Arkiset dialogitilat', 'Everyday spaces for dialogue'),
      s(768, 'Kehittämisen ja uudistumisen dialogitilat', 'Spaces for dialogue in development and renewal'),
      s(774, 'Palaverit ja kokoukset dialogien tilana', 'Meetings as spaces for dialogue'),
      s(909, 'Pelisäännöt dialogien sisältöinä', 'Ground rules as the content of dialogue'),
      s(1327, 'Hoivatyön kehittäminen Lean- ja palvelumuotoilun menetelmin', 'Developing care work with Lean and service design'),
      s(1397, 'Kokeilukulttuuria vahvistamalla eväitä työn kehittämiseen', 'Strengthening a culture of experiments'),
    ],
  },
  '003_66538f131a491fa2.txt': {
    title: {
      fi: 'Verkostojohtaminen ja verkostoyhteistyö (diasarja)',
      en: 'Verkostojohtaminen ja verkostoyhteistyö (Network leadership and network collaboration, slides)',
    },
    by: { fi: 'Timo Järvensivu', en: 'Timo Järvensivu' },
    year: '2019',
    sections: [
      s(1, 'Verkostojohtamisen strateginen jatkumo', 'The strategic continuum of network leadership'),
      s(344, 'Kehittäminen toisten puolesta – yhdessä kehittäen', 'Developing on behalf of others – developing together'),
      s(432, 'Verkostotyön ydin', 'The core of network work'),
      s(575, 'Mitä koordinointi, fasilitointi ja metatyö ovat?', 'What coordination, facilitation and meta-work are'),
      s(780, 'Kohtaamisten fasilitointi: avaaminen, käsittely ja sulkeminen (Kaner ym. 2007 mukaillen)', 'Facilitating encounters: opening, processing and closing (after Kaner et al. 2007)'),
      s(850, 'Verkostojohtamisen metatyö: huolenpitoa kokonaisuudesta', 'The meta-work of network leadership: caring for the whole'),
    ],
  },
  '004_f3686ed71b793cad.txt': {
    title: {
      fi: 'Toimenpideryhmä 2: Lisäämme ymmärrystä yhteisöllisyydestä työn murroksessa (diasarja)',
      en: 'Toimenpideryhmä 2: Lisäämme ymmärrystä yhteisöllisyydestä työn murroksessa (Action group 2: understanding community in the transformation of work, slides)',
    },
    by: { fi: 'valtionhallinnon toimenpideryhmä 2', en: 'action group 2 of the Finnish central government' },
    year: '2024',
    sections: [
      s(1, 'Toimenpideryhmän tehtävät', 'The action group’s tasks'),
      s(34, 'Kyselyn vastaukset teemoittain: virastojen yhteisöllisyyttä tukevat käytännöt', 'Survey answers by theme: agencies’ practices that support community'),
      s(53, 'Johtaminen – käytäntöjä ja esimerkkejä', 'Leadership – practices and examples'),
      s(76, 'Työkalut – käytäntöjä ja esimerkkejä', 'Tools – practices and examples'),
      s(100, 'Kalenterikäytännöt – käytäntöjä ja esimerkkejä', 'Calendar practices – practices and examples'),
      s(115, 'Kokouskäytännöt – käytäntöjä ja esimerkkejä', 'Meeting practices – practices and examples'),
      s(141, 'Työtapaamiset – käytäntöjä ja esimerkkejä', 'Work meetings – practices and examples'),
      s(154, 'Läsnä-, hybridi- ja virtuaalitapaamiset – käytäntöjä ja esimerkkejä', 'In-person, hybrid and virtual meetings – practices and examples'),
      s(179, 'Osaamisen kehittäminen ja tuki – käytäntöjä ja esimerkkejä', 'Developing and supporting competence – practices and examples'),
    ],
  },
};
