import { describe, expect, it } from 'vitest';
import { siteForUrl, matchesPattern } from '../../../src/sites/hosts';

describe('siteForUrl', () => {
  it.each([
    ['https://app.zoom.us/wc/123/join', 'zoom'],
    ['https://us02web.zoom.us/wc/9/start', 'zoom'],
    ['https://teams.microsoft.com/v2/', 'teams'],
    ['https://teams.cloud.microsoft/', 'teams'],
    ['https://meet.google.com/abc-defg-hij', 'meet'],
    ['https://miro.com/app/board/uXjV=/', 'miro'],
    ['https://edu.flinga.fi/s/ABC', 'flinga'],
    ['https://excalidraw.com/#room=1', 'excalidraw'],
    ['https://www.tldraw.com/f/x', 'tldraw'],
  ])('%s → %s', (url, site) => {
    expect(siteForUrl(new URL(url))?.site).toBe(site);
  });

  it.each(['https://zoom.us/pricing', 'https://example.com/', 'http://meet.google.com/x', 'https://evilmiro.com/app/x', 'https://miro.com/pricing'])(
    'does not match %s',
    (url) => {
      expect(siteForUrl(new URL(url))).toBeUndefined();
    },
  );

  it('treats *.host as host and its subdomains only', () => {
    expect(matchesPattern('https://*.zoom.us/wc/*', new URL('https://zoom.us/wc/1'))).toBe(true);
    expect(matchesPattern('https://*.zoom.us/wc/*', new URL('https://notzoom.us/wc/1'))).toBe(false);
  });
});
