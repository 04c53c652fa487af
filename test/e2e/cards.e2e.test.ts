import { describe, expect, it } from 'vitest';
import { extensionPage, openFixture, optionsPagePath, panelFrame, useExtension } from './harness/e2e';
import { clickButton, openTab, textOf, typeInto, waitForText } from './helpers/ui';

// The facilitator's own prompt-card library: hide a built-in card, rewrite one, add one; the panel
// offers exactly that library.

describe('prompt-card library', () => {
  const extension = useExtension();

  it('hides, edits and adds cards, and the panel follows', async () => {
    const options = await extensionPage(extension.ctx, `${optionsPagePath(extension.ctx)}#cards`);
    await waitForText(options, 'Add your own card');
    const cardTitle = (id: string) => options.$eval(`[data-card="${id}"] strong`, (el) => el.textContent ?? '');
    const hiddenTitle = await cardTitle('trust-goal');

    await options.evaluate(() => (document.querySelector('[data-card="trust-goal"] button[aria-pressed]') as HTMLButtonElement).click());
    await options.waitForFunction(() => document.querySelector('[data-card="trust-goal"]')?.textContent?.includes('hidden'), { polling: 100 });

    await clickButton(options, 'Add your own card');
    await typeInto(options, 'form.editor input', 'Name one thing that surprised you');
    await typeInto(options, 'form.editor textarea', 'Ask everyone for one surprise from the break-out rooms.');
    await clickButton(options, 'Save');
    await waitForText(options, 'your own');

    const page = await openFixture(extension.ctx, 'https://miro.com/app/board/demo=/');
    const panel = await panelFrame(page);
    await waitForText(panel, 'Phase 1/');
    await openTab(panel, 'Prompts');
    await clickButton(panel, 'All cards');
    await waitForText(panel, 'Name one thing that surprised you');
    expect(await textOf(panel, '.prompts')).not.toContain(hiddenTitle);
    await page.close();
    await options.close();
  });
});
