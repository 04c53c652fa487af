// The UI's way in to the one i18n (src/i18n.ts, shared with the background).
export * from '../i18n';
