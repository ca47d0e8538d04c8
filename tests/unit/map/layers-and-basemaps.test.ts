import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { LAYERS, SOURCES } from '../../../src/map/layers';
import { parsePageOptions } from '../../../src/domain/url-params';
import { basemapFromName } from '../../../src/domain/basemap-catalogue';
import {
  STYLE_TIMEOUT_MS,
  offlineStyle,
  shouldFallBackToOffline,
  FALLBACK_NOTICE,
  STALL_MS,
  ERRORS_IN_A_ROW_BEFORE_FALLBACK,
  healthAt,
  recordEvent,
  startWatch,
  type OnlineBasemapHealth,
} from '../../../src/map/basemaps';
import { DEPARTMENTS } from '../../../src/domain/departments';

const OFFLINE_FILE = new URL('../../../public/basemap/france.geojson', import.meta.url);

function messages(style: StyleSpecification): string[] {
  return validateStyleMin(style).map((error) => error.message);
}

describe('map layers and styles', () => {
  it('the offline style is a valid MapLibre style that fetches nothing from the network', () => {
    const style = offlineStyle('http://localhost/basemap/france.geojson');
    expect(messages(style)).toEqual([]);
    const text = JSON.stringify(style);
    expect(text).not.toMatch(/https?:\/\/(?!localhost)/);
    // No text layers: nothing needs a glyph server.
    expect(style.glyphs).toBeUndefined();
  });

  it('our initiative layers are valid on top of the offline style', () => {
    const base = offlineStyle('http://localhost/basemap/france.geojson');
    const style: StyleSpecification = { ...base, sources: { ...base.sources, ...SOURCES }, layers: [...base.layers, ...LAYERS] };
    expect(messages(style)).toEqual([]);
  });

  it('catches a broken layer (the validation can fail)', () => {
    const base = offlineStyle('http://localhost/basemap/france.geojson');
    const broken = { ...base, layers: [...base.layers, { id: 'x', type: 'circle', source: 'missing', paint: { 'circle-radius': 'big' } }] };
    expect(messages(broken as StyleSpecification).length).toBeGreaterThan(0);
  });

  it('our layers draw symbols as images only, so they need no glyphs online or offline', () => {
    for (const layer of LAYERS) {
      const layout = (layer as { layout?: Record<string, unknown> }).layout ?? {};
      expect(layout['text-field']).toBeUndefined();
    }
  });
});

describe('offline basemap file', () => {
  const collection = JSON.parse(readFileSync(OFFLINE_FILE, 'utf8')) as {
    features: { properties: { kind: string; code?: string } }[];
  };

  it('stays small', () => {
    expect(statSync(OFFLINE_FILE).size).toBeLessThan(1024 * 1024);
  });

  it('has every département of the COG, overseas included, each under its code', () => {
    const codes = collection.features.filter((feature) => feature.properties.kind === 'department').map((feature) => feature.properties.code);
    // The 101 départements: 96 in mainland France and Corsica, 5 overseas (975 is a collectivité, not a département).
    const covered = DEPARTMENTS.map((department) => department.code).filter((code) => /^([0-9]{2}|2A|2B|97[1-46])$/.test(code));
    expect(covered).toHaveLength(101);
    expect(new Set(codes)).toEqual(new Set(covered));
    expect(codes).toEqual(expect.arrayContaining(['971', '972', '973', '974', '976', '2A', '2B']));
  });
});

describe('basemap choice and fallback', () => {
  // As the map reads it: the URL codec's `basemap`, then the catalogue's choice.
  const basemapFromQuery = (search: string) => basemapFromName(parsePageOptions(search).basemap);

  it('reads basemap=ign|openfreemap|offline and ignores anything else', () => {
    expect(basemapFromQuery('?basemap=offline')).toBe('offline');
    expect(basemapFromQuery('?themes=mobilite&basemap=openfreemap')).toBe('openfreemap');
    expect(basemapFromQuery('?basemap=ign')).toBe('ign');
    expect(basemapFromQuery('?basemap=javascript:alert(1)')).toBe('ign');
    expect(basemapFromQuery('')).toBe('ign');
  });

  it('falls back to the site’s default basemap (config.json, checked when read), then to ours, when the URL names none or a wrong one', () => {
    expect(basemapFromName(null, 'offline')).toBe('offline');
    expect(basemapFromName('satellite', 'openfreemap')).toBe('openfreemap');
    expect(basemapFromName('ign', 'offline')).toBe('ign');
    expect(basemapFromName(null, undefined)).toBe('ign');
  });

  const healthy: OnlineBasemapHealth = { styleFailed: false, styleLoaded: true, tileErrors: 0, tilesLoaded: 12, elapsedMs: 800 };

  it('keeps a working online basemap, even with a few failing tiles', () => {
    expect(shouldFallBackToOffline(healthy)).toBe(false);
    expect(shouldFallBackToOffline({ ...healthy, tileErrors: 5, elapsedMs: 20_000 })).toBe(false);
  });

  it('falls back at once when the style cannot be fetched', () => {
    expect(shouldFallBackToOffline({ ...healthy, styleLoaded: false, styleFailed: true, tilesLoaded: 0, elapsedMs: 50 })).toBe(true);
  });

  it('falls back when the style has not arrived within a few seconds', () => {
    const waiting = { ...healthy, styleLoaded: false, tilesLoaded: 0 };
    expect(shouldFallBackToOffline({ ...waiting, elapsedMs: STYLE_TIMEOUT_MS - 1 })).toBe(false);
    expect(shouldFallBackToOffline({ ...waiting, elapsedMs: STYLE_TIMEOUT_MS })).toBe(true);
    expect(STYLE_TIMEOUT_MS).toBeLessThanOrEqual(5000);
  });

  it('falls back when the style loads but every tile fails', () => {
    expect(shouldFallBackToOffline({ ...healthy, tilesLoaded: 0, tileErrors: 3, elapsedMs: 600 })).toBe(true);
    expect(shouldFallBackToOffline({ ...healthy, tilesLoaded: 0, tileErrors: 1, elapsedMs: 600 })).toBe(false);
  });
});

describe('online basemap watch', () => {
  const t0 = 1_000;

  it('keeps a basemap that loads, even slowly, as long as something arrives', () => {
    let watch = recordEvent(startWatch(t0), 'style-loaded', t0 + 3000);
    for (let second = 4; second < 60; second += 5) watch = recordEvent(watch, 'tile-loaded', t0 + second * 1000);
    expect(shouldFallBackToOffline(healthAt(watch, t0 + 60_000, true))).toBe(false);
  });

  it('gives up tiles, sprite or glyphs that hang while the style answered', () => {
    const watch = recordEvent(startWatch(t0), 'style-loaded', t0 + 300);
    expect(shouldFallBackToOffline(healthAt(watch, t0 + 300 + STALL_MS - 1, true))).toBe(false);
    expect(shouldFallBackToOffline(healthAt(watch, t0 + 300 + STALL_MS, true))).toBe(true);
    // Idle, nothing pending: no stall, however long.
    expect(shouldFallBackToOffline(healthAt(watch, t0 + 300 + 10 * STALL_MS, false))).toBe(false);
  });

  it('gives up a basemap that hangs after a first success', () => {
    let watch = recordEvent(startWatch(t0), 'style-loaded', t0 + 300);
    watch = recordEvent(watch, 'tile-loaded', t0 + 900);
    // The reader pans ten minutes later; the new tiles never come.
    expect(shouldFallBackToOffline(healthAt(watch, t0 + 600_000, true))).toBe(true);
  });

  it('gives up tiles that fail in a row after a first success, not one failure among loads', () => {
    let watch = recordEvent(startWatch(t0), 'style-loaded', t0 + 300);
    for (let index = 0; index < 10; index++) watch = recordEvent(watch, 'tile-loaded', t0 + 400 + index);
    watch = recordEvent(watch, 'request-failed', t0 + 500);
    watch = recordEvent(watch, 'tile-loaded', t0 + 510);
    expect(shouldFallBackToOffline(healthAt(watch, t0 + 520, true))).toBe(false);
    for (let index = 0; index < ERRORS_IN_A_ROW_BEFORE_FALLBACK - 1; index++) watch = recordEvent(watch, 'request-failed', t0 + 60_000 + index);
    expect(shouldFallBackToOffline(healthAt(watch, t0 + 60_010, false))).toBe(false);
    watch = recordEvent(watch, 'request-failed', t0 + 60_009);
    expect(shouldFallBackToOffline(healthAt(watch, t0 + 60_010, true))).toBe(true);
  });

  it('gives up a style that never comes, and says it in words', () => {
    const watch = startWatch(t0);
    expect(shouldFallBackToOffline(healthAt(watch, t0 + STYLE_TIMEOUT_MS, true))).toBe(true);
    expect(FALLBACK_NOTICE).toMatch(/^Fond de carte en ligne indisponible/);
  });
});
