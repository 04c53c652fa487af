import { describe, expect, it } from 'vitest';
import { t } from '../../../src/ui/i18n';
import { siteInCompound } from '../../../src/ui/shared/siteInCompound';

// The popup wrote "Google Meet-välilehdellä"; Finnish puts a space before the hyphen when the first
// part of a compound is a name of several words. Found in a Finnish walk-through.
describe('siteInCompound', () => {
  it('joins a site name to a Finnish compound as Finnish does', () => {
    const fi = (name: string) => t('popupShowPanelIn', { site: siteInCompound(name, 'fi') }, 'fi');
    expect(fi('Google Meet')).toBe('Näytä paneeli Google Meet -välilehdellä');
    expect(fi('Zoom')).toBe('Näytä paneeli Zoom-välilehdellä');
    expect(t('popupSupported', { site: siteInCompound('Microsoft Whiteboard', 'fi') }, 'fi')).toBe('Vuoro toimii tällä Microsoft Whiteboard -sivulla.');
    expect(t('popupShowPanelIn', { site: siteInCompound('Google Meet', 'en') }, 'en')).toBe('Show the panel in the Google Meet tab');
  });
});
