/**
 * config.json, read once at start (CONTRACT §8): absent → the defaults, silently; not JSON or
 * wrongly typed → the defaults for what is wrong and ONE console warning. Also holds the data's
 * publication date (the GeoJSON's `updated`), shown as « Données mises à jour le … ».
 */
import { create } from 'zustand';
import { parseSiteConfig, type SiteConfig } from '../domain/site-config';
import { CONFIG_REQUEST, CONFIG_URL, takeOrSendRequest } from './early-requests';

interface SiteConfigState {
  config: SiteConfig;
  /** config.json has been read (or found absent or broken): the map waits for it to pick its basemap. */
  loaded: boolean;
  /** The GeoJSON's `updated` member, as published; null when absent. */
  updated: string | null;
  setUpdated: (updated: string | null) => void;
}

export const useSiteConfig = create<SiteConfigState>()((set) => ({
  config: {},
  loaded: false,
  updated: null,
  setUpdated: (updated) => set({ updated }),
}));

const configLoads = new Map<string, Promise<SiteConfig>>();

/**
 * How long config.json may take. The data and the map wait for it (its dataUrl and basemap), so
 * a server that never answers must not leave the page on a spinner: past this, the defaults.
 */
export const CONFIG_TIMEOUT_MS = 5000;

/** config.json, fetched and checked once per page: a remount or a second caller reuses the answer (and its one warning). */
export function loadSiteConfig(url: string = CONFIG_URL, timeoutMs: number = CONFIG_TIMEOUT_MS): Promise<SiteConfig> {
  let load = configLoads.get(url);
  if (!load) {
    load = fetchSiteConfig(url, timeoutMs).then((config) => {
      useSiteConfig.setState({ loaded: true });
      return config;
    });
    configLoads.set(url, load);
  }
  return load;
}

async function fetchSiteConfig(url: string, timeoutMs: number): Promise<SiteConfig> {
  // The entry script may have sent it already (early-requests.ts): the time limit applies to it all the same.
  const request = takeOrSendRequest(url, CONFIG_REQUEST);
  const { controller } = request;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let text: string;
  try {
    const response = await request.response;
    if (!response.ok) return {}; // no config.json: the defaults
    text = await response.text();
  } catch {
    if (controller.signal.aborted) console.warn(`config.json ne répond pas après ${timeoutMs / 1000} s : la configuration par défaut s’applique.`);
    return {};
  } finally {
    clearTimeout(timer);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    console.warn('config.json ignoré : ce n’est pas du JSON valide ; la configuration par défaut s’applique.');
    return {};
  }
  const { config, problems } = parseSiteConfig(document);
  if (problems.length > 0) console.warn(`config.json : ${problems.join(' ; ')} ; les valeurs par défaut s’appliquent à ces clés.`);
  useSiteConfig.setState({ config });
  return config;
}
