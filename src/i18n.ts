import en from '../extension/_locales/en/messages.json';
import fi from '../extension/_locales/fi/messages.json';
import { addCatalog } from './i18nCore';

// One i18n for every surface (./i18nCore.ts), with both languages' strings: the background, the
// extension pages and Node import this file; the panel frame loads one language (./ui/i18n.ts).
addCatalog('en', en);
addCatalog('fi', fi);

export * from './i18nCore';
