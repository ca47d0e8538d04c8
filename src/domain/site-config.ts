/**
 * The site configuration, `config.json` beside index.html (CONTRACT §8): what a partner network
 * changes to run its own map from the same build. Unknown keys are ignored; a key of the wrong
 * type is dropped (its default applies) and named in the problems, which the app reports once.
 */

import { BASEMAP_IDS, isBasemapId, type BasemapId } from './basemap-catalogue';

export interface SiteConfig {
  title?: string;
  /** A GeoJSON as the pipeline publishes it, or a CSV in the pipeline's input format. */
  dataUrl?: string;
  basemap?: BasemapId;
  /** « Signaler une erreur » template: {id}, {nom}, {commune}, {lien} are replaced, URL-encoded. */
  reportUrl?: string;
  /** « Proposer une initiative » link. */
  proposeUrl?: string;
}

/** Links the app follows (the rest of the app's rule): http(s) and mailto. */
const LINK = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

export function parseSiteConfig(document: unknown): { config: SiteConfig; problems: string[] } {
  const config: SiteConfig = {};
  const problems: string[] = [];
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { config, problems: ['config.json doit être un objet JSON ({ "title": … })'] };
  }
  const source = document as Record<string, unknown>;
  const text = (key: keyof SiteConfig, check?: (value: string) => boolean, expected = 'un texte') => {
    const value = source[key];
    if (value === undefined) return undefined;
    if (typeof value === 'string' && value.trim() !== '' && (!check || check(value.trim()))) return value.trim();
    problems.push(`« ${key} » ignoré : ${expected} attendu`);
    return undefined;
  };
  const title = text('title');
  const dataUrl = text('dataUrl', (value) => !/^(javascript|data|vbscript):/i.test(value), 'une adresse de fichier');
  const basemap = text('basemap', isBasemapId, BASEMAP_IDS.join(', '));
  const reportUrl = text('reportUrl', (value) => LINK.test(value), 'une adresse http(s) ou mailto');
  const proposeUrl = text('proposeUrl', (value) => LINK.test(value), 'une adresse http(s) ou mailto');
  if (title) config.title = title;
  if (dataUrl) config.dataUrl = dataUrl;
  if (basemap) config.basemap = basemap as BasemapId;
  if (reportUrl) config.reportUrl = reportUrl;
  if (proposeUrl) config.proposeUrl = proposeUrl;
  return { config, problems };
}

/** The report link of one initiative: each placeholder replaced by its value, URL-encoded. */
export function fillReportUrl(template: string, values: { id: string; nom: string; commune: string; lien: string }): string {
  return template.replace(/\{(id|nom|commune|lien)\}/g, (_, key: keyof typeof values) => encodeURIComponent(values[key]));
}

/** Whether the data URL names a CSV (read and geocoded in the browser) rather than a GeoJSON. */
export function isCsvDataUrl(url: string): boolean {
  return /\.csv$/i.test(url.replace(/[?#].*$/, '')) || /[?&](format|output|exportformat)=csv\b/i.test(url) || /\/export\/csv\b/i.test(url);
}

/** « 7 décembre 2026 » from the GeoJSON's `updated`, or null when it is not a date. */
export function formatUpdated(updated: unknown): string | null {
  if (typeof updated !== 'string') return null;
  const time = Date.parse(updated);
  if (!Number.isFinite(time)) return null;
  return new Date(time).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
}
