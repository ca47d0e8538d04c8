import { readFileSync } from 'node:fs';
import {  } from 'node:module';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { distance as turfDistance, point } from '@turf/turf';
import { bundledFeatures, describeE2E } from './driver';

type CommuneRow = [string, string, string, number, number, number];

function builtCommune(code: string): CommuneRow {
  const rows = JSON.parse(readFileSync(join(inject('distDirectory'), 'data/communes.json'), 'utf8')) as CommuneRow[];
  const row = rows.find((candidate) => candidate[0] === code);
  if (!row) throw new Error(`commune ${code} absent from the built gazetteer`);
  return row;
}

/** « 12,3 km » / « 850 m » → kilometres. */
function kilometresIn(text: string): number | null {
  const match = /([\d\s\u00a0\u202f]+(?:,\d+)?)\s*(km|m)\b/.exec(text);
  if (!match || !match[1]) return null;
  const value = Number(match[1].replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
  return match[2] === 'm' ? value / 1000 : value;
}

describeE2E('commune search', (browser) => {
  it('typing a commune and choosing it with the keyboard orders the list by distance, in km', async () => {
    const app = await browser.open();
    await app.count();
    const field = app.page.getByRole('combobox', { name: /commune/i });
    await field.click();
    await field.pressSequentially('vaillant');
    await app.page.getByRole('option', { name: 'Vaillant (52 — Haute-Marne)' }).waitFor();
    await field.press('ArrowDown');
    await field.press('Enter');
    expect(await field.getAttribute('aria-expanded')).toBe('false');

    // Reference: every bundled initiative's distance from Vaillant as turf computes it.
    const [, , , longitude, latitude] = builtCommune('52499');
    const reference = bundledFeatures()
      .map((feature) => ({ name: feature.properties.name, km: turfDistance(point([longitude, latitude]), point(feature.geometry.coordinates)) }))
      .sort((left, right) => left.km - right.km);

    const list = app.page.getByRole('list', { name: /initiative/i });
    await app.page.waitForFunction(() => /km|\bm\b/.test(document.querySelector('#results li')?.textContent ?? ''));
    const items = await list.getByRole('listitem').evaluateAll((elements) => elements.slice(0, 8).map((element) => element.textContent ?? ''));
    expect(items.length).toBeGreaterThan(2);
    const shownKm = items.map(kilometresIn);
    expect(shownKm.every((km) => km !== null)).toBe(true);
    for (let rank = 1; rank < shownKm.length; rank += 1) expect(shownKm[rank]!).toBeGreaterThanOrEqual(shownKm[rank - 1]!);
    // The first shown is the nearest of all, at the distance turf gives (to the displayed precision).
    expect(Math.abs(shownKm[0]! - reference[0]!.km)).toBeLessThan(0.6);
    expect(items[0]).toContain(reference[0]!.name);
  });

  it('has no serious accessibility finding with suggestions open and a highlighted option', async () => {
    const app = await browser.open();
    await app.count();
    const field = app.page.getByRole('combobox', { name: /commune/i });
    await field.click();
    await field.fill('saint');
    await app.page.getByRole('listbox', { name: 'Communes proposées' }).getByRole('option').first().waitFor();
    await field.press('ArrowDown');
    const activeId = await field.getAttribute('aria-activedescendant');
    expect(activeId).toBeTruthy();
    expect(await app.page.locator(`[id="${activeId}"]`).getAttribute('aria-selected')).toBe('true');
    expect(await app.accessibilityViolations('.commune-search')).toEqual([]);
  });

  it('« Autour de moi » with the position allowed orders the list from there', async () => {
    const app = await browser.open();
    await app.count();
    // Brest: the nearest bundled initiative is computed from it below.
    const here = { longitude: -4.4861, latitude: 48.3904 };
    await app.context.grantPermissions(['geolocation']);
    await app.context.setGeolocation(here);
    await app.page.getByRole('button', { name: 'Autour de moi' }).click();
    await app.page.getByText(/triées par distance depuis/).waitFor();
    const nearest = bundledFeatures()
      .map((feature) => ({ name: feature.properties.name, km: turfDistance(point([here.longitude, here.latitude]), point(feature.geometry.coordinates)) }))
      .sort((left, right) => left.km - right.km)[0]!;
    await app.page.waitForFunction(() => /km|\bm\b/.test(document.querySelector('#results li')?.textContent ?? ''));
    const first = await app.page.locator('#results li').first().textContent();
    expect(first).toContain(nearest.name);
    expect(Math.abs(kilometresIn(first ?? '')! - nearest.km)).toBeLessThan(0.6);
  });

  it('« Autour de moi » refused says so in French and leaves the list as it was', async () => {
    const app = await browser.open();
    await app.count();
    await app.context.clearPermissions();
    await app.page.getByRole('button', { name: 'Autour de moi' }).click();
    const alert = app.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/position/);
    expect(await app.page.getByText(/triées par distance depuis/).count()).toBe(0);
  });

  it('loads the commune list only when the search is used', async () => {
    const app = await browser.open();
    await app.count();
    const requested: string[] = [];
    app.page.on('request', (request) => requested.push(request.url()));
    await app.page.waitForTimeout(300);
    expect(requested.some((url) => url.includes('communes.json'))).toBe(false);
    await app.page.getByRole('combobox', { name: /commune/i }).focus();
    await app.page.waitForResponse((response) => response.url().includes('data/communes.json') && response.ok());
  });
});
