import { expect, it } from 'vitest';
import { bundledFeatures, describeE2E, type Page } from './driver';

async function focusedDescription(page: Page): Promise<{ tag: string; text: string; outline: string; boxShadow: string }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const style = element ? getComputedStyle(element) : null;
    return {
      tag: element?.tagName ?? '',
      text: (element?.textContent ?? element?.getAttribute('aria-label') ?? '').trim().slice(0, 80),
      outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
      boxShadow: style?.boxShadow ?? '',
    };
  });
}

describeE2E('accessibility (RGAA 4.1 / WCAG 2.1 AA)', (browser) => {
  it('has no serious or critical axe finding on the main page', async () => {
    const app = await browser.open({ query: 'basemap=offline' });
    await app.count();
    await app.waitForMapIdle();
    expect(await app.accessibilityViolations()).toEqual([]);
  });

  it('has no serious or critical axe finding in embed mode', async () => {
    const app = await browser.open({ query: 'embed=1&basemap=offline' });
    await app.count();
    await app.waitForMapIdle();
    expect(await app.accessibilityViolations()).toEqual([]);
  });

  it('has no serious or critical axe finding with the details of an initiative open', async () => {
    const first = bundledFeatures()[0];
    const app = await browser.open({ query: `id=${first?.properties.id}&basemap=offline` });
    await app.page.getByRole('heading', { name: first?.properties.name }).waitFor();
    expect(await app.accessibilityViolations()).toEqual([]);
  });

  it('has no serious or critical axe finding in each dialog', async () => {
    const app = await browser.open({ query: 'basemap=offline' });
    await app.count();
    const embedButton = app.page.getByRole('button', { name: /Intégrer/ }).first();
    await embedButton.click();
    const dialog = app.page.getByRole('dialog');
    await dialog.waitFor();
    expect(await app.accessibilityViolations()).toEqual([]);
    await app.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('the accessibility statement page is reachable and clean', async () => {
    const app = await browser.open({ query: 'basemap=offline' });
    await app.page.getByRole('link', { name: /Accessibilité/ }).click();
    await app.page.getByRole('heading', { level: 1, name: /Déclaration d’accessibilité/ }).waitFor();
    expect(await app.accessibilityViolations()).toEqual([]);
  });

  it('supports a keyboard-only journey: skip link, filters, list, details and back', async () => {
    const app = await browser.open({ query: 'basemap=offline' });
    const page = app.page;
    const total = await app.count();

    // The first Tab reaches the skip link, which is visible when focused.
    await page.keyboard.press('Tab');
    const skip = await focusedDescription(page);
    expect(skip.text).toMatch(/Aller à la liste/);
    expect(skip.outline.startsWith('none') && skip.boxShadow === 'none').toBe(false);

    // A theme filter, reached by Tab and ticked with Space, changes the announced count.
    const features = bundledFeatures();
    const expected = features.filter((feature) => feature.properties.themes.includes('mobilite')).length;
    const mobility = page.getByRole('checkbox', { name: /Mobilité/ });
    let reached = false;
    for (let step = 0; step < 60 && !reached; step += 1) {
      await page.keyboard.press('Tab');
      reached = await mobility.evaluate((element) => element === document.activeElement);
    }
    expect(reached).toBe(true);
    const focusStyle = await focusedDescription(page);
    expect(focusStyle.outline.startsWith('none') && focusStyle.boxShadow === 'none').toBe(false);
    await page.keyboard.press('Space');
    await page.waitForFunction((count) => document.querySelector('[role="status"]')?.textContent?.includes(String(count)), expected);
    expect(await app.count()).toBe(expected);
    expect(expected).toBeLessThan(total);

    // Tab onwards to the first initiative of the list and open it with Enter.
    const firstItem = page.locator('#results').getByRole('button').first();
    const firstName = (await firstItem.textContent()) ?? '';
    let onItem = false;
    for (let step = 0; step < 80 && !onItem; step += 1) {
      await page.keyboard.press('Tab');
      onItem = await firstItem.evaluate((element) => element === document.activeElement || element.contains(document.activeElement));
    }
    expect(onItem).toBe(true);
    await page.keyboard.press('Enter');
    const selectedName = features.find((feature) => firstName.includes(feature.properties.name))?.properties.name ?? '';
    expect(selectedName).not.toBe('');
    const heading = page.getByRole('heading', { name: selectedName, exact: true });
    await heading.waitFor();

    // Escape closes the details and focus returns to the list item it came from.
    await page.keyboard.press('Escape');
    await heading.waitFor({ state: 'hidden' });
    expect(await firstItem.evaluate((element) => element === document.activeElement || element.contains(document.activeElement))).toBe(true);
  });

  it('does not trap the keyboard in the map', async () => {
    const app = await browser.open({ query: 'basemap=offline' });
    await app.count();
    await app.waitForMapIdle();
    const canvas = app.page.locator('[data-testid="map"] canvas.maplibregl-canvas');
    await canvas.focus();
    await app.page.keyboard.press('Tab');
    const stillInCanvas = await canvas.evaluate((element) => element === document.activeElement);
    expect(stillInCanvas).toBe(false);
  });
});
