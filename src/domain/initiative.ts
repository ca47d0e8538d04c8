import type { ThemeId } from './themes';
import type { TerritoryId } from './territories';

/**
 * One initiative as the app holds it: the GeoJSON feature's properties (CONTRACT §3)
 * plus its point. Immutable once loaded.
 */
export interface Initiative {
  id: string;
  name: string;
  /** One or more; the first is the main theme. */
  themes: ThemeId[];
  territory: TerritoryId;
  commune: string;
  insee: string;
  department: string;
  description: string;
  /** URL of the public page the facts come from; may be empty. */
  source: string;
  /** The initiative's own website; may be empty. */
  website: string;
  legalForm: string;
  longitude: number;
  latitude: number;
  /** True when the commune point is an approximation (see pipeline gazetteer). */
  approximate: boolean;
  // Optional facts people can act on (CONTRACT §3), absent when the source row has none;
  // each was checked by the pipeline (src/domain/phone.ts, email.ts, siret.ts…).
  /** Street address, plain text. */
  address?: string;
  email?: string;
  /** E.164: `+33475000000`. */
  phone?: string;
  /** OpenStreetMap `opening_hours` syntax. */
  openingHours?: string;
  /** 14 digits. */
  siret?: string;
  /** When the facts were checked: `AAAA-MM` or `AAAA-MM-JJ`. */
  verifiedAt?: string;
}
