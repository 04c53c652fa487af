import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { extensionPage, openFixture, optionsPagePath, panelFrame, useExtension } from './harness/e2e';
import { REAL_BOARDS_DIR } from './harness/realBoards';
import { captureTexts, eventually, injectedElements, pwned } from './helpers/live';
import { askBackground, clickButton, openTab, pasteIntoPanel, waitForText } from './helpers/ui';

// The real boards, built from their npm packages (test/fixtures/real) and served at their real hosts:
// Vuoro reads the selected notes straight from what each board saves, and what "Copy to the
// whiteboard" writes pastes as the board's own notes, one per capture with its exact text.
// Each board's page is loaded once per browser: the bundles are large.

const HOSTILE = 'Pair work <img src=x onerror="window.__pwned=1"> & "quotes" </div>';
const NOTES = ['Shadow a colleague for a day', 'Ask the customer panel', HOSTILE];

type Clipboard = Record<string, string>;

/** The active workshop's id and a capture made in it through the background (setup, as a panel would). */
async function activeWorkshop(frame: Frame): Promise<string> {
  const reply = await askBackground<{ value: { workshop: { id: string } } }>(frame, { to: 'background', type: 'workshop/active' });
  return reply.value.workshop.id;
}

/** "Copy to the whiteboard" on the options page; returns what it put on the clipboard, by MIME type. */
async function copyToWhiteboard(page: Page, target: string, arrangement: string): Promise<Clipboard> {
  await page.evaluate(() => {
    // Record the write instead of touching the machine's clipboard; the test then pastes the same flavours.
    const w = window as unknown as { __copied?: Record<string, string> };
    navigator.clipboard.write = async (items: ClipboardItem[]) => {
      const copied: Record<string, string> = {};
      for (const item of items) for (const type of item.types) copied[type] = await (await item.getType(type)).text();
      w.__copied = copied;
    };
  });
  const selects = await page.$$('.export-board select');
  await selects[0]!.select(target);
  await selects[1]!.select(arrangement);
  await clickButton(page, 'Copy to the whiteboard');
  return (await page.waitForFunction(() => (window as unknown as { __copied?: Record<string, string> }).__copied, { polling: 100 })).jsonValue() as Promise<Clipboard>;
}

/**
 * A paste of those flavours onto the board, as Ctrl+V after a click on the board delivers it: the
 * system clipboard holds them (tldraw asks navigator.clipboard.read() first; Firefox would show its
 * paste prompt to a synthetic paste) and the paste event carries them (Excalidraw reads only that).
 */
async function paste(page: Page, data: Clipboard): Promise<void> {
  await page.bringToFront();
  await page.mouse.click(450, 620);
  await page.evaluate((d: Record<string, string>) => {
    const items = [new ClipboardItem(Object.fromEntries(Object.entries(d).map(([type, value]) => [type, new Blob([value], { type })])))];
    Object.defineProperty(navigator.clipboard, 'read', { value: async () => items, configurable: true });
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(d)) transfer.setData(type, value);
    const event = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
    // Firefox leaves a constructed ClipboardEvent's clipboardData empty; the boards read this property only.
    if (!event.clipboardData?.types.length) Object.defineProperty(event, 'clipboardData', { value: transfer });
    document.dispatchEvent(event);
  }, data);
}

async function exportPage(extension: ReturnType<typeof useExtension>): Promise<Page> {
  const page = await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#library`);
  await waitForText(page, 'Workshops on this device');
  await clickButton(page, 'Export…');
  await page.waitForSelector('.export-board select');
  return page;
}

async function addCaptures(frame: Frame, items: { text: string; kind: string; mapField?: string }[]): Promise<void> {
  const workshopId = await activeWorkshop(frame);
  for (const item of items) {
    const reply = await askBackground<{ ok: boolean }>(frame, { to: 'background', type: 'capture/add', workshopId, ...item, source: { type: 'manual' } });
    expect(reply.ok).toBe(true);
  }
}

async function liveCaptureTexts(frame: Frame): Promise<string[]> {
  const workshopId = await activeWorkshop(frame);
  const reply = await askBackground<{ value: { text: string; deletedAt?: number }[] }>(frame, { to: 'background', type: 'capture/list', workshopId });
  return reply.value.filter((c) => c.deletedAt === undefined).map((c) => c.text);
}

/**
 * Until excalidraw.com's save (debounced 300 ms, later on a busy machine) holds what the board
 * shows: every element at its version, and the selection.
 */
async function boardSaved(board: Page): Promise<void> {
  await board.waitForFunction(
    () => {
      const api = (window as unknown as { __board: { getSceneElements(): { id: string; version: number }[]; getAppState(): { selectedElementIds: Record<string, boolean> } } }).__board;
      const ids = (selected: Record<string, boolean> | undefined) => Object.keys(selected ?? {}).filter((id) => selected![id]).sort().join();
      const stored = JSON.parse(localStorage.getItem('excalidraw') ?? '[]') as { id: string; version: number }[];
      const state = JSON.parse(localStorage.getItem('excalidraw-state') ?? '{}') as { selectedElementIds?: Record<string, boolean> };
      const versions = new Map(stored.map((e) => [e.id, e.version]));
      return ids(state.selectedElementIds) === ids(api.getAppState().selectedElementIds) && api.getSceneElements().every((e) => versions.get(e.id) === e.version);
    },
    { timeout: 10_000, polling: 50 },
  );
}

describe('real Excalidraw at excalidraw.com', () => {
  const extension = useExtension();
  let board: Page;
  let panel: Frame;

  interface SceneElement {
    id: string;
    type: string;
    text?: string;
    /** The text as typed; `text` is it wrapped to the container's width. */
    originalText?: string;
    containerId?: string | null;
    frameId?: string | null;
    name?: string | null;
    x: number;
    y: number;
    width: number;
    height: number;
    backgroundColor: string;
    boundElements?: { id: string; type: string }[] | null;
  }
  const scene = () =>
    board.evaluate(() =>
      (window as unknown as { __board: { getSceneElements(): unknown[] } }).__board.getSceneElements().map((e) => JSON.parse(JSON.stringify(e)) as unknown),
    ) as Promise<SceneElement[]>;
  /** Containers with their bound text: what a person sees as notes. */
  const notes = (elements: SceneElement[]) =>
    elements
      .filter((e) => e.type === 'rectangle' && e.boundElements?.some((b) => b.type === 'text'))
      .map((rect) => ({ rect, text: elements.find((t) => t.type === 'text' && t.containerId === rect.id)?.originalText ?? '' }));

  it('first visit: selection capture turns on once the board has saved its scene', async () => {
    // A first visit where excalidraw.com saves its scene only after Vuoro's adapter has started: the
    // page's saves are held (in the page's own world) until the test lets them through.
    board = await extension.ctx.browser.newPage();
    await board.evaluateOnNewDocument(() => {
      const setItem = Storage.prototype.setItem;
      const held: [Storage, string, string][] = [];
      let holding = true;
      Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
        if (holding) held.push([this, key, value]);
        else setItem.call(this, key, value);
      };
      (window as unknown as { __heldSaves(): string }).__heldSaves = () => held.map(([, key, value]) => `${key}=${value}`).join('\n');
      (window as unknown as { __releaseSaves(): void }).__releaseSaves = () => {
        holding = false;
        for (const [storage, key, value] of held.splice(0)) setItem.call(storage, key, value);
      };
    });
    await openFixture(extension.ctx, 'https://excalidraw.com/', board);
    await board.waitForFunction(() => (window as unknown as { __board?: unknown }).__board, { timeout: 30_000, polling: 100 });
    panel = await panelFrame(board);
    await waitForText(panel, 'Phase 1/');
    await openTab(panel, 'Capture');
    await waitForText(panel, "Vuoro cannot read this board's selection directly.");
    // A person draws three notes; the app's save lands after the adapter started.
    await board.evaluate((texts: string[]) => {
      const api = (window as unknown as { __board: { updateScene(s: unknown): void } }).__board;
      const { convertToExcalidrawElements } = (window as unknown as { __excalidraw: { convertToExcalidrawElements(e: unknown[]): unknown[] } }).__excalidraw;
      api.updateScene({
        elements: convertToExcalidrawElements(
          texts.map((text, i) => ({ type: 'rectangle', id: `note-${i}`, x: 40 + i * 240, y: 80, width: 200, height: 200, backgroundColor: '#ffec99', fillStyle: 'solid', label: { text } })),
        ),
      });
    }, NOTES);
    // The app's save (debounced 300 ms, later on a busy machine) is held with the notes in it.
    await board.waitForFunction((text: string) => (window as unknown as { __heldSaves(): string }).__heldSaves().includes(text), { timeout: 10_000, polling: 50 }, NOTES[0]!);
    await board.evaluate(() => (window as unknown as { __releaseSaves(): void }).__releaseSaves());
    expect(await board.evaluate(() => localStorage.getItem('excalidraw'))).toContain('Shadow a colleague');
    // The panel follows without a reload.
    await panel.waitForSelector('.capture-board button', { timeout: 10_000 });
    await waitForText(panel, 'Capture the selected notes');
  });

  it('captures the selected notes straight from the saved scene', async () => {
    const ids = (await scene()).filter((e) => e.type === 'rectangle').map((e) => e.id);
    await board.evaluate((selected: string[]) => {
      const api = (window as unknown as { __board: { updateScene(s: unknown): void } }).__board;
      api.updateScene({ appState: { selectedElementIds: Object.fromEntries(selected.map((id) => [id, true])) } });
    }, [ids[1]!, ids[2]!]);
    await boardSaved(board);
    await clickButton(panel, 'Capture the selected notes');
    await waitForText(panel, 'Saved (2).');
    const texts = await eventually(() => captureTexts(panel), (c) => c.length === 2, 'captured notes');
    expect([...texts].sort()).toEqual([NOTES[1], NOTES[2]].sort());
    expect(await injectedElements(panel)).toEqual([]);
    expect(await pwned(board)).toEqual([]);
  });

  it('the quick-capture command captures the selected notes, leaving out those captured already', async () => {
    // A note-taker selects two stickies (one captured before) and presses the quick-capture shortcut
    // while another tab of the panel shows: the command took only the page's selected text, so the
    // selected notes came to nothing.
    await openTab(panel, 'Script');
    const ids = (await scene()).filter((e) => e.type === 'rectangle').map((e) => e.id);
    await board.evaluate((selected: string[]) => {
      const api = (window as unknown as { __board: { updateScene(s: unknown): void } }).__board;
      api.updateScene({ appState: { selectedElementIds: Object.fromEntries(selected.map((id) => [id, true])) } });
    }, [ids[0]!, ids[1]!]);
    await boardSaved(board);
    const reply = await panel.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser;
      return api.runtime.sendMessage({ to: 'background', type: 'tab/forward', message: { to: 'content', type: 'capture/quick' } });
    });
    expect(reply).toMatchObject({ ok: true });
    await waitForText(panel, 'Saved (1); 1 note was captured already and left out.');
    const workshopId = await activeWorkshop(panel);
    const listed = await askBackground<{ value: { text: string; source: { type: string; site?: string } }[] }>(panel, { to: 'background', type: 'capture/list', workshopId });
    expect(listed.value.map((c) => c.text).sort()).toEqual([...NOTES].sort());
    expect(listed.value.find((c) => c.text === NOTES[0])?.source).toMatchObject({ type: 'whiteboard', site: 'excalidraw' });
    expect(await panel.$eval('[data-testid="capture-input"]', (el) => (el as HTMLInputElement).value)).toBe('');
  });

  it('a second note with the same words as one captured before is captured too (by the note’s id)', async () => {
    // Two participants wrote the same words: leaving the second out as "captured already" lost a
    // signal the facilitator counts.
    await board.evaluate((text: string) => {
      const api = (window as unknown as { __board: { updateScene(s: unknown): void; getSceneElements(): unknown[] } }).__board;
      const { convertToExcalidrawElements } = (window as unknown as { __excalidraw: { convertToExcalidrawElements(e: unknown[]): unknown[] } }).__excalidraw;
      const twin = convertToExcalidrawElements([{ type: 'rectangle', id: 'note-twin', x: 40, y: 320, width: 200, height: 200, backgroundColor: '#ffec99', fillStyle: 'solid', label: { text } }]);
      api.updateScene({ elements: [...api.getSceneElements(), ...twin] });
    }, NOTES[0]!);
    // Both notes with those words selected: the one captured before and its twin.
    const twins = notes(await scene()).filter((n) => n.text === NOTES[0]).map((n) => n.rect.id);
    expect(twins).toHaveLength(2);
    await board.evaluate((selected: string[]) => {
      const api = (window as unknown as { __board: { updateScene(s: unknown): void } }).__board;
      api.updateScene({ appState: { selectedElementIds: Object.fromEntries(selected.map((id) => [id, true])) } });
    }, twins);
    await boardSaved(board);
    await openTab(panel, 'Capture');
    await clickButton(panel, 'Capture the selected notes');
    await waitForText(panel, 'Saved (1); 1 note was captured already and left out.');
    expect((await liveCaptureTexts(panel)).filter((text) => text === NOTES[0])).toHaveLength(2);
    await clickButton(panel, 'Capture the selected notes');
    await waitForText(panel, 'Saved (0); 2 notes were captured already and left out.');
    expect((await liveCaptureTexts(panel)).filter((text) => text === NOTES[0])).toHaveLength(2);
  });

  it('a sticky just typed on is captured by a click on the panel (the click ends the editing first)', async () => {
    // The note-taker writes a participant's words on a sticky and clicks "Capture the selected notes":
    // the click ended Excalidraw's editing, whose save comes 300 ms later, and the panel said nothing
    // was selected.
    await board.bringToFront();
    await board.evaluate(() => {
      const api = (window as unknown as { __board: { updateScene(s: unknown): void; getSceneElements(): unknown[]; scrollToContent(e: unknown): void } }).__board;
      const { convertToExcalidrawElements } = (window as unknown as { __excalidraw: { convertToExcalidrawElements(e: unknown[], o: unknown): unknown[] } }).__excalidraw;
      api.updateScene({ elements: [...api.getSceneElements(), ...convertToExcalidrawElements([{ type: 'rectangle', id: 'note-typed', x: 40, y: 1200, width: 200, height: 200, backgroundColor: '#ffec99', fillStyle: 'solid', label: { text: 'Draft' } }], { regenerateIds: false })], appState: { selectedElementIds: {} } });
      api.scrollToContent('note-typed');
    });
    await board.evaluate(() => new Promise((done) => setTimeout(done, 400)));
    // Where the note is on screen (scene to viewport, as Excalidraw's sceneCoordsToViewportCoords).
    const centre = await board.evaluate(() => {
      const api = (window as unknown as { __board: { getAppState(): { scrollX: number; scrollY: number; zoom: { value: number }; offsetLeft: number; offsetTop: number } } }).__board;
      const { scrollX, scrollY, zoom, offsetLeft, offsetTop } = api.getAppState();
      return { x: (40 + 100 + scrollX) * zoom.value + offsetLeft, y: (1200 + 100 + scrollY) * zoom.value + offsetTop };
    });
    // A click selects the note (and gives the board the focus), Enter opens its text for editing.
    await board.mouse.click(centre.x, centre.y);
    await board.evaluate(() => new Promise((done) => setTimeout(done, 300)));
    await board.keyboard.press('Enter');
    await board.waitForSelector('textarea.excalidraw-wysiwyg');
    await board.keyboard.down('Control');
    await board.keyboard.press('a');
    await board.keyboard.up('Control');
    await board.keyboard.type('Asiakas mukaan suunnitteluun');
    await openTab(panel, 'Capture');
    const button = (await panel.$('.capture-board button'))!;
    const box = (await button.boundingBox())!;
    await board.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await waitForText(panel, 'Saved (1).');
    expect(await liveCaptureTexts(panel)).toContain('Asiakas mukaan suunnitteluun');
    expect(await board.evaluate(() => !document.querySelector('textarea.excalidraw-wysiwyg'))).toBe(true);
  });

  it('pastes "Copy to the whiteboard" as one Excalidraw note per capture, exact text, coloured by kind', async () => {
    await addCaptures(panel, [{ text: 'Try a buddy system\nfor newcomers', kind: 'experiment' }]);
    const expected = await liveCaptureTexts(panel);
    const options = await exportPage(extension);
    const copied = await copyToWhiteboard(options, 'excalidraw', 'grid');
    await options.close();
    expect(copied['text/html']).not.toContain('<img');
    const before = new Set((await scene()).map((e) => e.id));
    await paste(board, copied);
    const added = await eventually(async () => notes((await scene()).filter((e) => !before.has(e.id))), (n) => n.length >= expected.length, 'pasted notes');
    expect(added.map((n) => n.text).sort()).toEqual([...expected].sort());
    expect(added.find((n) => n.text.startsWith('Try a buddy'))!.rect.backgroundColor).toBe('#d0bfff');
    await board.screenshot({ path: `test-results/boards-excalidraw-paste-${process.env.VUORO_BROWSER}.png` });
    expect(await pwned(board)).toEqual([]);
  });

  it('pastes the development map with each note inside its field', async () => {
    await addCaptures(panel, [
      { text: 'Weekly team huddle', kind: 'note', mapField: 'ways-now' },
      { text: 'Clients plan their own care', kind: 'idea', mapField: 'content-future' },
    ]);
    const options = await exportPage(extension);
    const copied = await copyToWhiteboard(options, 'excalidraw', 'map');
    await options.close();
    const before = new Set((await scene()).map((e) => e.id));
    await paste(board, copied);
    const elements = await eventually(async () => (await scene()).filter((e) => !before.has(e.id)), (els) => els.filter((e) => e.type === 'frame').length === 4, 'map frames');
    const frames = elements.filter((e) => e.type === 'frame');
    expect(frames.map((f) => f.name)).toEqual(['Content and purpose of the work now', 'Content and purpose of the work in the near future', 'Ways of working now', 'Ways of working in the near future']);
    const placed = notes(elements);
    const fieldOf = (text: string) => {
      const rect = placed.find((n) => n.text === text)!.rect;
      const frame = frames.find((f) => f.id === rect.frameId)!;
      expect(rect.x >= frame.x && rect.y >= frame.y && rect.x + rect.width <= frame.x + frame.width && rect.y + rect.height <= frame.y + frame.height).toBe(true);
      return frame.name;
    };
    expect(fieldOf('Weekly team huddle')).toBe('Ways of working now');
    expect(fieldOf('Clients plan their own care')).toBe('Content and purpose of the work in the near future');
    await board.screenshot({ path: `test-results/boards-excalidraw-map-${process.env.VUORO_BROWSER}.png` });
    // A click on a field's name selects the frame alone: its notes are what "Capture the selected
    // notes" takes (it said nothing was selected).
    const ways = frames.find((f) => f.name === 'Ways of working now')!.id;
    await board.evaluate((id: string) => {
      const api = (window as unknown as { __board: { updateScene(s: unknown): void } }).__board;
      api.updateScene({ appState: { selectedElementIds: { [id]: true } } });
    }, ways);
    await boardSaved(board);
    await clickButton(panel, 'Capture the selected notes');
    await waitForText(panel, 'Saved (1).');
    const workshopId = await activeWorkshop(panel);
    const listed = await askBackground<{ value: { text: string; source: { type: string; note?: string } }[] }>(panel, { to: 'background', type: 'capture/list', workshopId });
    expect(listed.value.filter((c) => c.source.type === 'whiteboard' && c.text === 'Weekly team huddle').map((c) => c.source.note)).toEqual([placed.find((n) => n.text === 'Weekly team huddle')!.rect.id]);
  });

  it('the facilitation kit downloads from the options page and installs with excalidraw.com’s library link', async () => {
    const options = await exportPage(extension);
    await options.evaluate(() => {
      // Catch the download's blob and file name instead of saving a file (the page's CSP would refuse a fetch of the blob: URL).
      const w = window as unknown as { __downloads: { name: string; text: Promise<string> }[]; __blobs: Map<string, Blob> };
      w.__downloads = [];
      w.__blobs = new Map();
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob) => {
        const url = create(blob);
        w.__blobs.set(url, blob);
        return url;
      };
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        w.__downloads.push({ name: this.download, text: w.__blobs.get(this.href)!.text() });
      };
    });
    await clickButton(options, 'Download the facilitation kit');
    const kit = await options.evaluate(async () => {
      const d = (window as unknown as { __downloads: { name: string; text: Promise<string> }[] }).__downloads[0]!;
      return { name: d.name, text: await d.text };
    });
    await options.close();
    expect(kit.name).toBe('vuoro-kit.excalidrawlib');
    // Published where Excalidraw's install link accepts it (excalidraw.com itself), then opened the way
    // the libraries site links it: #addLibrary=<url>. Excalidraw asks before adding; the person says yes.
    const dir = join(REAL_BOARDS_DIR, 'excalidraw.com', 'kit');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'vuoro-kit.excalidrawlib'), kit.text);
    const board = await extension.ctx.browser.newPage();
    board.on('dialog', (dialog) => void dialog.accept());
    await openFixture(extension.ctx, `https://excalidraw.com/#addLibrary=${encodeURIComponent('https://excalidraw.com/kit/vuoro-kit.excalidrawlib')}`, board);
    const items = await eventually(
      () =>
        board.evaluate(() => {
          const lib = (window as unknown as { __excalidraw?: { libraryItems(): { name: string; elements: { type: string; text?: string; isDeleted: boolean }[] }[] } }).__excalidraw;
          return (lib?.libraryItems() ?? []).map((i) => ({ name: i.name, types: i.elements.map((e) => e.type), texts: i.elements.flatMap((e) => (e.text ? [e.text] : [])) }));
        }),
      (list) => list.length === 8,
      'library items',
      30_000,
    );
    expect(items.map((i) => i.name).sort()).toEqual(
      ['Development map (en)', 'Dot vote (en)', 'Evaluating the experiments (en)', 'Go-around (en)', 'Kehityskartta (fi)', 'Kierros (fi)', 'Kokeilujen arviointi (fi)', 'Pisteäänestys (fi)'].sort(),
    );
    const map = items.find((i) => i.name === 'Kehityskartta (fi)')!;
    expect(map.texts).toEqual(expect.arrayContaining(['Kehityskartta', 'Työn sisältö\nja tarkoitus', 'Toimintatavat', 'Nyt', 'Lähitulevaisuudessa']));
    expect(items.find((i) => i.name === 'Go-around (en)')!.types.filter((t) => t === 'ellipse')).toHaveLength(9);
    expect(items.find((i) => i.name === 'Dot vote (en)')!.types.filter((t) => t === 'ellipse')).toHaveLength(5);
    // The map item placed on the board: Excalidraw draws every element of it.
    const placed = await board.evaluate(() => {
      const w = window as unknown as {
        __board: { updateScene(s: unknown): void; getSceneElements(): { type: string }[] };
        __excalidraw: { libraryItems(): { name: string; elements: unknown[] }[] };
      };
      const item = w.__excalidraw.libraryItems().find((i) => i.name === 'Development map (en)')!;
      w.__board.updateScene({ elements: item.elements });
      return { want: item.elements.length, got: w.__board.getSceneElements().length };
    });
    expect(placed.got).toBe(placed.want);
    await board.screenshot({ path: `test-results/boards-kit-${process.env.VUORO_BROWSER}.png` });
    await board.close();
  });
});

describe('real tldraw at www.tldraw.com', () => {
  const extension = useExtension();
  let board: Page;
  let panel: Frame;

  interface Shape {
    id: string;
    type: string;
    parentId: string;
    x: number;
    y: number;
    props: { color?: string; name?: string; richText?: unknown };
    text: string;
  }
  /** The current page's shapes with their plain text, as the editor holds them. */
  const shapes = () =>
    board.evaluate(() => {
      const editor = (window as unknown as { __board: { getCurrentPageShapesSorted(): { id: string }[]; getShapeUtil(s: unknown): { getText?(s: unknown): string | undefined } } }).__board;
      return editor.getCurrentPageShapesSorted().map((s) => ({ ...(JSON.parse(JSON.stringify(s)) as object), text: editor.getShapeUtil(s).getText?.(s) ?? '' }));
    }) as Promise<Shape[]>;

  it('captures the selected notes straight from tldraw’s own storage', async () => {
    // tldraw draws its style panel after Vuoro has placed its own (first visit, nothing saved): the
    // panel moves clear of it (it covered tldraw's colours and sizes for good). Whether tldraw is
    // that late here depends on the machine, so the test makes it late: the style panel stays hidden
    // until a second after Vuoro's panel is in the page.
    const page = await extension.ctx.browser.newPage();
    await page.evaluateOnNewDocument(() => {
      const late = new CSSStyleSheet();
      late.replaceSync('.tlui-style-panel__wrapper { display: none !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, late];
      const vuoroIn = new MutationObserver(() => {
        if (!document.querySelector('vuoro-root')) return;
        vuoroIn.disconnect();
        setTimeout(() => (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== late)), 1000);
      });
      vuoroIn.observe(document, { childList: true, subtree: true });
    });
    board = await openFixture(extension.ctx, 'https://www.tldraw.com/', page);
    await board.waitForFunction(() => (window as unknown as { __board?: unknown }).__board, { timeout: 30_000, polling: 100 });
    panel = await panelFrame(board);
    const stylePanel = () =>
      board.evaluate(() => {
        const r = document.querySelector('.tlui-style-panel__wrapper')?.getBoundingClientRect();
        if (!r?.width) return 'not drawn yet';
        const points = [
          [r.left + 4, r.top + 4],
          [r.right - 4, r.top + 4],
          [r.left + r.width / 2, r.top + r.height / 2],
          [r.left + 4, r.bottom - 4],
          [r.right - 4, r.bottom - 4],
        ];
        return points.some(([x, y]) => document.elementFromPoint(x!, y!)?.tagName === 'VUORO-ROOT') ? 'covered by Vuoro' : 'clear';
      });
    await eventually(stylePanel, (state) => state === 'clear', 'tldraw style panel', 10_000);
    await waitForText(panel, 'Phase 1/');
    await openTab(panel, 'Capture');
    const ids = await board.evaluate((texts: string[]) => {
      const editor = (window as unknown as { __board: { createShapes(s: unknown[]): void; select(...ids: string[]): void } }).__board;
      const made = texts.map((text, i) => ({
        id: `shape:note${i}`,
        type: 'note',
        x: 80 + i * 240,
        y: 120,
        props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
      }));
      editor.createShapes(made);
      editor.select(made[0]!.id, made[2]!.id);
      return made.map((m) => m.id);
    }, NOTES);
    expect(ids).toHaveLength(3);
    await board.evaluate(() => new Promise((done) => setTimeout(done, 500))); // tldraw persists ~350 ms after a change
    // The kind and the map field chosen in the panel apply to the notes (every board note was an
    // "Idea" with no field, whatever the menus showed).
    await panel.select('select[aria-label="Kind"]', 'decision');
    await panel.select('[data-testid="capture-map-field"]', 'content-future');
    await clickButton(panel, 'Capture the selected notes');
    await waitForText(panel, 'Saved (2).');
    const texts = await eventually(() => captureTexts(panel), (c) => c.length === 2, 'captured notes');
    expect([...texts].sort()).toEqual([NOTES[0], NOTES[2]].sort());
    const workshopId = await activeWorkshop(panel);
    const stored = await askBackground<{ value: { kind: string; mapField?: string }[] }>(panel, { to: 'background', type: 'capture/list', workshopId });
    expect(stored.value.map((c) => [c.kind, c.mapField])).toEqual([
      ['decision', 'content-future'],
      ['decision', 'content-future'],
    ]);
    // The same selection again: nothing doubled, and the panel says why (it stored every note twice).
    await clickButton(panel, 'Capture the selected notes');
    await waitForText(panel, '2 notes were captured already and left out');
    expect(await captureTexts(panel)).toHaveLength(2);
    expect(await injectedElements(panel)).toEqual([]);
    expect(await pwned(board)).toEqual([]);
  });

  it('a note being typed on is captured with what the page shows, not what tldraw saved last', async () => {
    // tldraw saves ~350 ms after a change: a capture right after typing took the note without its
    // last words. The click on the panel comes right after the last key, inside that moment.
    await openTab(panel, 'Capture');
    await board.evaluate(() => {
      const editor = (window as unknown as { __board: { createShapes(s: unknown[]): void; select(...ids: string[]): void } }).__board;
      editor.createShapes([{ id: 'shape:typed', type: 'note', x: 80, y: 700, props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Draft' }] }] } } }]);
      editor.select('shape:typed');
    });
    await board.evaluate(() => new Promise((done) => setTimeout(done, 600))); // saved with its selection
    await board.bringToFront();
    await board.evaluate(() => (window as unknown as { __board: { setEditingShape(id: string): void } }).__board.setEditingShape('shape:typed'));
    await board.waitForSelector('.tl-shape[data-shape-id="shape:typed"] [contenteditable="true"]');
    await board.focus('.tl-shape[data-shape-id="shape:typed"] [contenteditable="true"]');
    await board.keyboard.down('Control');
    await board.keyboard.press('a');
    await board.keyboard.up('Control');
    await board.keyboard.type('Asiakasraati');
    await board.keyboard.down('Shift');
    await board.keyboard.press('Enter');
    await board.keyboard.up('Shift');
    const button = (await panel.$('.capture-board button'))!;
    await board.keyboard.type('keväällä');
    const box = (await button.boundingBox())!;
    await board.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await waitForText(panel, 'Saved (1).');
    expect(await liveCaptureTexts(panel)).toContain('Asiakasraati\nkeväällä');
    await board.evaluate(() => (window as unknown as { __board: { setEditingShape(id: null): void; selectNone(): void } }).__board.setEditingShape(null));
  });

  it('tldraw’s own copy, pasted into the panel, is one capture per note', async () => {
    // Where Vuoro cannot read tldraw's storage the note-taker copies: tldraw compresses the shapes and
    // joins every note's text on one line of text/plain, which became one capture of all of them.
    await board.evaluate(() => {
      const editor = (window as unknown as { __board: { createShapes(s: unknown[]): void; select(...ids: string[]): void } }).__board;
      const doc = (lines: string[]) => ({ type: 'doc', content: lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
      editor.createShapes([
        { id: 'shape:copy1', type: 'note', x: 80, y: 420, props: { richText: doc(['Kahvi ja pulla ☕']) } },
        { id: 'shape:copy2', type: 'note', x: 320, y: 420, props: { richText: doc(['Työaika joustaa', 'kun sovitaan']) } },
      ]);
      editor.select('shape:copy1', 'shape:copy2');
    });
    const copied = await board.evaluate(async () => {
      const w = window as unknown as { __copied?: Record<string, string> };
      navigator.clipboard.write = async (items: ClipboardItem[]) => {
        const out: Record<string, string> = {};
        for (const item of items) for (const type of item.types) out[type] = await (await item.getType(type)).text();
        w.__copied = out;
      };
      document.dispatchEvent(new ClipboardEvent('copy', { bubbles: true, cancelable: true }));
      for (let i = 0; i < 50 && !w.__copied; i++) await new Promise((done) => setTimeout(done, 100));
      return w.__copied!;
    });
    expect(copied['text/html']).toContain('"version":3');
    expect(copied['text/plain']).toBe('Kahvi ja pulla ☕ Työaika joustaa\nkun sovitaan');
    await openTab(panel, 'Capture');
    await pasteIntoPanel(panel, copied);
    await waitForText(panel, '2 notes found:');
    await clickButton(panel, 'Save 2 notes');
    await waitForText(panel, 'Saved (2).');
    expect(await liveCaptureTexts(panel)).toEqual(expect.arrayContaining(['Kahvi ja pulla ☕', 'Työaika joustaa\nkun sovitaan']));
  });

  it('pastes "Copy to the whiteboard" as one tldraw note per capture, exact text, coloured by kind', async () => {
    await addCaptures(panel, [{ text: 'Try a buddy system\nfor newcomers', kind: 'experiment' }]);
    const expected = await liveCaptureTexts(panel);
    const options = await exportPage(extension);
    const copied = await copyToWhiteboard(options, 'tldraw', 'grid');
    await options.close();
    expect(copied['text/plain']).toContain('Try a buddy system');
    const before = new Set((await shapes()).map((s) => s.id));
    await paste(board, copied);
    const added = await eventually(async () => (await shapes()).filter((s) => !before.has(s.id)), (s) => s.length >= expected.length, 'pasted notes');
    expect(added.every((s) => s.type === 'note')).toBe(true);
    expect(added.map((s) => s.text).sort()).toEqual([...expected].sort());
    expect(added.find((s) => s.text.startsWith('Try a buddy system'))!.props.color).toBe('light-violet');
    await board.screenshot({ path: `test-results/boards-tldraw-paste-${process.env.VUORO_BROWSER}.png` });
    expect(await pwned(board)).toEqual([]);
  });

  it('pastes the development map as four frames with each note inside its field', async () => {
    await addCaptures(panel, [{ text: 'Weekly team huddle', kind: 'note', mapField: 'ways-now' }]);
    const options = await exportPage(extension);
    const copied = await copyToWhiteboard(options, 'tldraw', 'map');
    await options.close();
    const before = new Set((await shapes()).map((s) => s.id));
    await paste(board, copied);
    const added = await eventually(async () => (await shapes()).filter((s) => !before.has(s.id)), (s) => s.filter((x) => x.type === 'frame').length === 4, 'map frames');
    const huddle = added.find((s) => s.text === 'Weekly team huddle')!;
    expect(added.find((s) => s.id === huddle.parentId)?.props.name).toBe('Ways of working now');
    await board.screenshot({ path: `test-results/boards-tldraw-map-${process.env.VUORO_BROWSER}.png` });
  });
});
