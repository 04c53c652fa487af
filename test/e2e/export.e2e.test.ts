import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { unzip } from '../unit/summary/unzip';
import { browserKind, extensionPage, optionsPagePath, REPO_ROOT, useExtension } from './harness/e2e';
import { askBackground, waitForText } from './helpers/ui';

// What a facilitator sends from the options page (issue 12.4–12.8, 14.7): the Word, Markdown and
// JSON files of a Change Dialogue workshop, read as files. The download is an <a download> click;
// the test keeps the file it would save instead of saving it (the driver cannot read the browser's
// download folder in both browsers).

const ZOOM = 'https://app.zoom.us/wc/8123456789/join?pwd=Xy7kQ2secret#success';

type Reply<T> = { ok: boolean; value: T };

async function keepDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __files: { name: string; type: string; base64: string }[] };
    w.__files = [];
    // The blob is taken where it is made (a fetch of the blob: URL would need connect-src), the name at the click.
    let last: Blob | undefined;
    const createObjectURL = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => {
      last = blob;
      return createObjectURL(blob);
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const name = this.download;
      const blob = last!;
      void blob.arrayBuffer().then((buffer) => {
        let binary = '';
        for (const b of new Uint8Array(buffer)) binary += String.fromCharCode(b);
        w.__files.push({ name, type: blob.type, base64: btoa(binary) });
      });
    };
  });
}

async function download(page: Page, format: string): Promise<{ name: string; type: string; bytes: Buffer }> {
  const before = await page.evaluate(() => (window as unknown as { __files: unknown[] }).__files.length);
  await page.evaluate((f) => (document.querySelector(`.export-buttons button[data-format="${f}"], .summary-buttons button[data-format="${f}"]`) as HTMLButtonElement).click(), format);
  await page.waitForFunction((n) => (window as unknown as { __files: unknown[] }).__files.length > n, { timeout: 20_000, polling: 100 }, before);
  const file = await page.evaluate((n) => (window as unknown as { __files: { name: string; type: string; base64: string }[] }).__files[n]!, before);
  return { name: file.name, type: file.type, bytes: Buffer.from(file.base64, 'base64') };
}

describe('export from the options page', () => {
  const extension = useExtension();

  it('Word, Markdown and JSON keep Finnish file names, read as written, and leave out names, passcodes and deleted text', async () => {
    const page = await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#library`);
    await waitForText(page, 'Workshops on this device');
    const frame = page.mainFrame() as Frame;
    const created = await askBackground<Reply<{ workshop: { id: string; title: string } }>>(frame, {
      to: 'background',
      type: 'workshop/from-template',
      templateId: 'change-dialogue-series',
      lang: 'fi',
    });
    const { id: workshopId, title } = created.value.workshop;
    expect(title).toBe('Työpaja 1: Yhteinen muutoskuva');
    const add = (text: string, extra: Record<string, unknown> = {}) =>
      askBackground<Reply<{ id: string }>>(frame, { to: 'background', type: 'capture/add', workshopId, text, kind: 'idea', source: { type: 'manual' }, ...extra });
    await add('Tiimit suunnittelevat viikon yhdessä maanantaisin', { kind: 'decision' });
    await add('Kerää nykyiset aamurutiinit', { kind: 'action', owner: 'Anna K.', due: '2025-12-04' });
    await add('Asiakkaan ääni ei kuulu: home-care 2.5 (luonnos)!', { source: { type: 'chat', site: 'zoom', author: 'Mirja Virtanen', url: ZOOM } });
    const secret = await add('Luottamuksellinen: Pekan sairausloma');
    await askBackground(frame, { to: 'background', type: 'capture/delete', id: secret.value.id });

    // The library lists the new workshop as the store tells it (no reload: Firefox does not reload extension pages for the driver).
    await page.waitForFunction((id) => document.querySelector(`li[data-workshop="${id}"]`) !== null, { timeout: 10_000, polling: 100 }, workshopId);
    await page.evaluate((id) => (document.querySelector(`li[data-workshop="${id}"] .row-actions button`) as HTMLButtonElement).click(), workshopId);
    await waitForText(page, 'Word (.docx)');
    await keepDownloads(page);

    const word = await download(page, 'docx');
    expect(word.name).toBe('Työpaja 1 Yhteinen muutoskuva.docx');
    expect(word.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const files = unzip(word.bytes);
    const xml = files.get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Työpaja 1: Yhteinen muutoskuva</w:t>');
    // Decisions and actions come before the captures by phase and the agenda table.
    const at = (s: string) => xml.indexOf(s);
    expect(at('Tiimit suunnittelevat')).toBeLessThan(at('Kerää nykyiset aamurutiinit'));
    expect(at('Kerää nykyiset aamurutiinit')).toBeLessThan(at('Asiakkaan ääni'));
    expect(at('Asiakkaan ääni')).toBeLessThan(at('<w:tbl>'));
    expect(xml).toContain('Vastuuhenkilö: Anna K., Määräaika: 4.12.2025');
    expect(xml).toContain('Suunniteltu kesto 2 h 30 min. Työpajaa ei pidetty.');
    const everything = [...files.values()].map((b) => b.toString('utf8')).join('\n');

    const md = await download(page, 'md');
    expect(md.name).toBe('Työpaja 1 Yhteinen muutoskuva.md');
    const markdown = md.bytes.toString('utf8');
    expect(markdown).toContain('# Työpaja 1: Yhteinen muutoskuva\n');
    expect(markdown).toContain('- Asiakkaan ääni ei kuulu: home-care 2.5 (luonnos)!');

    const json = (await download(page, 'json')).bytes.toString('utf8');
    const parsed = JSON.parse(json) as { captures: { text: string; deletedAt?: number; source: { url?: string } }[] };
    expect(parsed.captures.find((c) => c.deletedAt)?.text).toBe('');
    expect(parsed.captures.find((c) => c.source.url)?.source.url).toBe('https://app.zoom.us/wc/8123456789/join');

    // The workshop's default leaves participant names out: no chat author anywhere either.
    for (const [format, text] of [['docx', everything], ['md', markdown], ['json', json]] as const) {
      expect(text, format).not.toContain('Mirja');
      expect(text, format).not.toMatch(/Xy7kQ2secret|pwd=/);
      expect(text, format).not.toContain('Pekan sairausloma');
    }

    // Kept on purpose: names ticked and full addresses kept.
    await page.evaluate(() => (document.querySelector('.export-tools fieldset input[type="checkbox"]') as HTMLInputElement).click());
    await page.waitForFunction(() => (document.querySelector('.export-tools fieldset input[type="checkbox"]') as HTMLInputElement | null)?.checked === true, { polling: 100 });
    await page.evaluate(() => (document.querySelector('[data-testid="export-keep-urls"]') as HTMLInputElement).click());
    const kept = (await download(page, 'json')).bytes.toString('utf8');
    expect(kept).toContain('Mirja Virtanen');
    expect(kept).toContain('?pwd=Xy7kQ2secret');
    expect(kept).not.toContain('Pekan sairausloma');
    await page.close();
  });

  it('carries who got the floor and the go-around rounds into the facilitation note (issue 12.3), names only when ticked', async () => {
    const page = await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#library`);
    await waitForText(page, 'Workshops on this device');
    const frame = page.mainFrame() as Frame;
    const created = await askBackground<Reply<{ workshop: { id: string } }>>(frame, { to: 'background', type: 'workshop/from-template', templateId: 'virtual-meeting-50', lang: 'en' });
    const workshopId = created.value.workshop.id;
    const t0 = Date.now() - 600_000;
    const live = (event: Record<string, unknown>) => askBackground<Reply<unknown>>(frame, { to: 'background', type: 'live/event', workshopId, event });
    const people = [{ key: 'aino', name: 'Aino Aalto' }, { key: 'bo', name: 'Bo Berg' }];
    await live({ type: 'hand/raise', at: t0, key: 'aino', name: 'Aino Aalto' });
    await live({ type: 'floor/give', at: t0 + 50_000, key: 'aino' });
    for (const round of [0, 1]) {
      const start = t0 + 100_000 + round * 200_000;
      await live({ type: 'goaround/start', at: start, participants: people, order: 'as-listed', perPersonSec: 60, seed: 1, speakingMsByKey: {}, excludeKeys: [] });
      await live({ type: 'goaround/advance', at: start + 60_000, from: 'aino' });
      await live({ type: round === 0 ? 'goaround/skip' : 'goaround/advance', at: start + 70_000, from: 'bo' });
    }
    await askBackground(frame, { to: 'background', type: 'workshop/update', workshopId, patch: { includeStats: true } });
    await page.waitForFunction((id) => document.querySelector(`li[data-workshop="${id}"]`) !== null, { timeout: 10_000, polling: 100 }, workshopId);
    await page.evaluate((id) => (document.querySelector(`li[data-workshop="${id}"] .row-actions button`) as HTMLButtonElement).click(), workshopId);
    await waitForText(page, 'Word (.docx)');
    await keepDownloads(page);

    const anonymous = (await download(page, 'md')).bytes.toString('utf8');
    expect(anonymous).toContain('## A note on facilitation');
    expect(anonymous).toContain('Raised hands given the floor from the queue: 1. They waited 50 s on average, 50 s at most.');
    expect(anonymous).toMatch(/Go-around at \d\d:\d\d, 1 min per person: people who spoke 1\. Skipped: 1\./);
    expect(anonymous).toMatch(/Go-around at \d\d:\d\d, 1 min per person: people who spoke 2\./);
    expect(anonymous).not.toMatch(/Aino|Bo Berg/);

    await askBackground(frame, { to: 'background', type: 'workshop/update', workshopId, patch: { includeParticipants: true } });
    await page.waitForFunction(() => (document.querySelector('.export-tools fieldset input[type="checkbox"]') as HTMLInputElement | null)?.checked === true, { timeout: 10_000, polling: 100 });
    const named = (await download(page, 'md')).bytes.toString('utf8');
    expect(named).toContain('### Given the floor from the queue');
    expect(named).toMatch(/- \d\d:\d\d Aino Aalto \(waited 50 s\)/);
    await page.close();
  });

  it('the summary page follows the names and statistics ticks changed after it was opened, keeping its edits, and has them itself', async () => {
    const page = await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#library`);
    await waitForText(page, 'Workshops on this device');
    const frame = page.mainFrame() as Frame;
    const created = await askBackground<Reply<{ workshop: { id: string } }>>(frame, { to: 'background', type: 'workshop/from-template', templateId: 'virtual-meeting-50', lang: 'fi' });
    const workshopId = created.value.workshop.id;
    const t0 = Date.now() - 600_000;
    await askBackground(frame, { to: 'background', type: 'run/event', workshopId, event: { type: 'start', at: t0 }, expectedCount: 0 });
    await askBackground(frame, { to: 'background', type: 'participants/sync', workshopId, participants: [{ key: 'asa', name: 'Åsa Äijälä' }] });
    await askBackground(frame, { to: 'background', type: 'turns/add', workshopId, turns: [{ participantKey: 'asa', startAt: t0 + 60_000, endAt: t0 + 120_000, source: 'site' }] });
    await askBackground(frame, { to: 'background', type: 'capture/add', workshopId, text: 'Chatista: kokeillaan', kind: 'idea', source: { type: 'chat', site: 'zoom', author: 'Åsa Äijälä' } });
    await askBackground(frame, { to: 'background', type: 'workshop/update', workshopId, patch: { includeParticipants: true, includeStats: true } });

    const summary = await extensionPage(extension.ctx, `src/ui/summary/summary.html#${workshopId}`);
    const preview = () => summary.evaluate(() => (document.querySelector('iframe[data-testid="summary"]') as HTMLIFrameElement | null)?.contentDocument?.body?.innerText ?? '');
    await summary.waitForFunction(() => (document.querySelector('iframe[data-testid="summary"]') as HTMLIFrameElement | null)?.contentDocument?.body?.innerText.includes('Åsa Äijälä'), { timeout: 15_000, polling: 200 });
    expect(await preview()).toContain('Huomio fasilitoinnista');
    await summary.type('[data-testid="summary-intro"]', 'Hei ohjausryhmä');
    // One capture left out, then deleted elsewhere: the count is of the captures there are.
    const gone = await askBackground<Reply<{ id: string }>>(frame, { to: 'background', type: 'capture/add', workshopId, text: 'Jätetään pois \u202Egnp.exe', kind: 'idea', source: { type: 'manual' } });
    await summary.waitForSelector(`input[data-capture-id="${gone.value.id}"]`);
    // Listed as the summary gives it, without the bidi override that made it read "exe.png".
    expect(await summary.$eval(`input[data-capture-id="${gone.value.id}"]`, (input) => input.parentElement!.textContent)).toBe('Jätetään pois gnp.exe');
    await summary.evaluate((id: string) => (document.querySelector(`input[data-capture-id="${id}"]`) as HTMLInputElement).click(), gone.value.id);
    await summary.waitForFunction(() => document.querySelector('.summary-editor details summary')?.textContent?.includes('(1 of 2)'), { timeout: 10_000, polling: 100 });
    await askBackground(frame, { to: 'background', type: 'capture/delete', id: gone.value.id });
    await summary.waitForFunction(() => document.querySelector('.summary-editor details summary')?.textContent?.includes('(1 of 1)'), { timeout: 10_000, polling: 100 });
    await summary.waitForFunction(() => (document.querySelector('iframe[data-testid="summary"]') as HTMLIFrameElement).contentDocument?.body?.innerText.includes('Hei ohjausryhmä'), { timeout: 10_000, polling: 100 });

    // Read a little way down: a change read again keeps the place (a new document went back to the top).
    await summary.evaluate(() => {
      const frame = document.querySelector('iframe[data-testid="summary"]') as HTMLIFrameElement;
      frame.style.height = '300px';
      frame.contentWindow!.scrollTo(0, 120);
    });
    await summary.waitForFunction(() => (document.querySelector('iframe[data-testid="summary"]') as HTMLIFrameElement).contentWindow!.scrollY === 120, { timeout: 5_000, polling: 50 });

    // Unticked where the ticks are (the options page), after the summary was opened: it was sent with the names.
    await askBackground(frame, { to: 'background', type: 'workshop/update', workshopId, patch: { includeParticipants: false, includeStats: false } });
    await askBackground(frame, { to: 'background', type: 'capture/add', workshopId, text: 'Myöhemmin kirjattu päätös', kind: 'decision', source: { type: 'manual' } });
    await summary.waitForFunction(
      () => {
        const text = (document.querySelector('iframe[data-testid="summary"]') as HTMLIFrameElement).contentDocument?.body?.innerText ?? '';
        return !text.includes('Åsa') && text.includes('Myöhemmin kirjattu päätös');
      },
      { timeout: 10_000, polling: 100 },
    );
    const text = await preview();
    await summary.waitForFunction(() => (document.querySelector('iframe[data-testid="summary"]') as HTMLIFrameElement).contentWindow!.scrollY === 120, { timeout: 5_000, polling: 50 });
    expect(text).not.toContain('Huomio fasilitoinnista');
    expect(text).toContain('Hei ohjausryhmä');
    await keepDownloads(summary);
    const md = (await download(summary, 'md')).bytes.toString('utf8');
    expect(md).not.toContain('Åsa');
    expect(md).toContain('Hei ohjausryhmä');
    expect(md).toContain('- Myöhemmin kirjattu päätös');

    // The same ticks on the summary page itself, where the names are seen: they set the workshop's.
    expect(await summary.$eval('[data-testid="summary-names"]', (el) => (el as HTMLInputElement).checked)).toBe(false);
    await summary.click('[data-testid="summary-names"]');
    await summary.click('[data-testid="summary-stats"]');
    await summary.waitForFunction(
      () => {
        const text = (document.querySelector('iframe[data-testid="summary"]') as HTMLIFrameElement).contentDocument?.body?.innerText ?? '';
        return text.includes('Åsa Äijälä') && text.includes('Huomio fasilitoinnista');
      },
      { timeout: 10_000, polling: 100 },
    );
    const stored = await askBackground<Reply<{ workshop: { includeParticipants: boolean; includeStats: boolean } }>>(frame, { to: 'background', type: 'workshop/contents', workshopId });
    expect([stored.value.workshop.includeParticipants, stored.value.workshop.includeStats]).toEqual([true, true]);
    await summary.close();
    await page.close();
  });

  it('does not call a series summary’s JSON re-importable (it imports as no workshop)', async () => {
    const page = await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#library`);
    const frame = page.mainFrame() as Frame;
    const created = await askBackground<Reply<{ workshop: { id: string } }>>(frame, { to: 'background', type: 'workshop/from-template', templateId: 'change-dialogue-series', lang: 'en' });
    const summary = await extensionPage(extension.ctx, `src/ui/summary/summary.html#series=${created.value.workshop.id}`);
    await summary.waitForSelector('button[data-format="json"]');
    expect(await summary.$eval('button[data-format="json"]', (b) => b.textContent)).toBe('JSON (data of the series)');
    await summary.close();
    await page.close();
  });

  it('lays out the whiteboard copy row without overlaps: each label beside its select', async () => {
    const page = await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#library`);
    const frame = page.mainFrame() as Frame;
    await askBackground(frame, { to: 'background', type: 'settings/set', lang: 'fi' });
    const created = await askBackground<Reply<{ workshop: { id: string } }>>(frame, { to: 'background', type: 'workshop/from-template', templateId: 'change-dialogue-series', lang: 'fi' });
    const workshopId = created.value.workshop.id;
    await page.waitForFunction((id) => document.querySelector(`li[data-workshop="${id}"]`) !== null, { timeout: 10_000, polling: 100 }, workshopId);
    await page.evaluate((id) => (document.querySelector(`li[data-workshop="${id}"] .row-actions button`) as HTMLButtonElement).click(), workshopId);
    await page.waitForSelector('.export-board select');
    await waitForText(page, 'Liitettäväksi');
    // In Firefox the board's select ran over the next label ("Asettelu"): the label was held to 420 px.
    const overlaps = await page.evaluate(() => {
      const parts = [...document.querySelectorAll('.export-board label, .export-board select, .export-board > button')].flatMap((el) =>
        el.tagName === 'LABEL' ? [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()).map((n) => { const r = document.createRange(); r.selectNodeContents(n); return { what: n.textContent!.trim(), rect: r.getBoundingClientRect() }; }) : [{ what: el.tagName, rect: el.getBoundingClientRect() }],
      );
      const out: string[] = [];
      for (const [i, a] of parts.entries())
        for (const b of parts.slice(i + 1))
          if (a.rect.left < b.rect.right - 1 && b.rect.left < a.rect.right - 1 && a.rect.top < b.rect.bottom - 1 && b.rect.top < a.rect.bottom - 1) out.push(`${a.what} × ${b.what}`);
      return out;
    });
    expect(overlaps).toEqual([]);
    await askBackground(frame, { to: 'background', type: 'settings/set', lang: 'en' });
    await page.close();
  });

  it('loads the Word library only on the export path: its own chunk, never in a content script or the first load of a page', () => {
    const dist = join(REPO_ROOT, 'dist', browserKind === 'firefox' ? 'firefox' : 'chrome');
    const assets = join(dist, 'assets');
    const read = (file: string) => readFileSync(file, 'utf8');
    // A string only the docx library's packer writes.
    const marker = 'wordprocessingml.document.main+xml';
    const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const holding = chunks.filter((f) => read(join(assets, f)).includes(marker));
    expect(holding).toHaveLength(1);
    const docxChunk = holding[0]!;
    for (const script of readdirSync(join(dist, 'content'))) expect(read(join(dist, 'content', script)), script).not.toContain(marker);
    // Every chunk a page loads up front: its script, its preloads, and their static imports, transitively.
    const staticImports = (file: string) => [...read(join(assets, file)).matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
    for (const page of ['panel', 'options', 'popup', 'summary']) {
      const html = read(join(dist, 'src', 'ui', page, `${page}.html`));
      const seen = new Set<string>();
      const queue = [...html.matchAll(/\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
      while (queue.length) {
        const file = queue.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        queue.push(...staticImports(file));
      }
      expect([...seen], page).not.toContain(docxChunk);
    }
    // …and the export path asks for it by a dynamic import.
    expect(chunks.some((f) => read(join(assets, f)).includes(`import(\`./${docxChunk}\`)`) || read(join(assets, f)).includes(`import("./${docxChunk}")`))).toBe(true);
  });
});
