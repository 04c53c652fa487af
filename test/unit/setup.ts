// Both languages' strings for every unit test, as the background and the extension pages have
// them (src/i18n.ts); the panel frame alone loads one at a time (src/ui/i18n.ts).
import '../../src/i18n';
