/**
 * Geocoding by commune: a row's commune fields → one current commune and its point.
 * Order of evidence, best first: code_insee; name + postal code; name + département;
 * name alone when it is unique in France. It never guesses: an ambiguous or unknown name is
 * rejected with the candidates or the closest names.
 *
 * Paris, Lyon and Marseille: an arrondissement given by its code (75111), its name (« Paris 11e
 * Arrondissement », « Lyon 3e ») or its postal code (13013) places the initiative on that
 * arrondissement, but the result is still the commune (Paris, 75056): features are published
 * under the commune's official name and code, like every other initiative.
 *
 * Pure: the CLI and the browser build it on the same commune index (communes.ts).
 */
import { departmentOfCode } from '../../domain/departments';
import { normalizePlaceName } from '../../domain/place-names';
import { chooseArrondissement, parseArrondissementName, type ArrondissementHints } from './arrondissements';
import { CommuneSuggestions, type SuggestionEntry } from './commune-suggestions';
import type { Commune, CommuneTable, FormerCommune } from './communes';

export interface GeocodeQuery {
  commune: string;
  codeInsee?: string;
  postalCode?: string;
  department?: string;
}

export type GeocodeColumn = 'commune' | 'code_insee' | 'code_postal' | 'departement';

export type GeocodeResult =
  | { ok: true; commune: Commune; longitude: number; latitude: number; approximate: boolean; warnings: string[] }
  | { ok: false; column: GeocodeColumn; reason: string };

const FORMER_KIND_LABEL: Record<FormerCommune['kind'], string> = {
  'commune-deleguee': 'une commune déléguée',
  'commune-associee': 'une commune associée',
  'arrondissement-municipal': 'un arrondissement municipal',
};

const MAX_LISTED_CANDIDATES = 15;
const CACHE_LIMIT = 200_000;

function describe(commune: Commune): string {
  return `${commune.name} (${commune.code}, dép. ${commune.departmentCode})`;
}

function listCandidates(communes: readonly Commune[]): string {
  const listed = communes.slice(0, MAX_LISTED_CANDIDATES).map(describe).join(', ');
  return communes.length > MAX_LISTED_CANDIDATES ? `${listed}, …` : listed;
}

/** Département(s) a postal code belongs to: 20xxx is Corsica, split in 2A and 2B. */
function departmentsOfPostalCode(postalCode: string): string[] {
  if (postalCode.startsWith('20')) return ['2A', '2B'];
  return [departmentOfCode(postalCode)];
}

function withoutArticle(normalizedName: string): string {
  return normalizedName.replace(/^(le|la|les|l) /, '');
}


export class Geocoder {
  private readonly currentByName = new Map<string, Commune[]>();
  private readonly formerByName = new Map<string, FormerCommune[]>();
  /** Normalised names a current commune answers to: its own and its former communes'. */
  private readonly acceptedNamesByCode = new Map<string, Set<string>>();
  private readonly suggestionNames: SuggestionEntry[] = [];
  private suggestions: CommuneSuggestions | undefined;
  private readonly cache = new Map<string, GeocodeResult>();
  private readonly exactResults = new Map<Commune, GeocodeResult>();
  /** Arrondissements by postal code (75011 → Paris 11e; 75116 and 75016 → Paris 16e). */
  private readonly arrondissementByPostalCode = new Map<string, FormerCommune>();

  constructor(private readonly gazetteer: CommuneTable) {
    for (const commune of gazetteer.communes) {
      const name = normalizePlaceName(commune.name);
      const list = this.currentByName.get(name);
      if (list) list.push(commune);
      else this.currentByName.set(name, [commune]);
      this.acceptedNamesByCode.set(commune.code, new Set([name]));
      this.suggestionNames.push({ name, bare: withoutArticle(name), commune });
    }
    for (const former of gazetteer.formerCommunes) {
      const name = normalizePlaceName(former.name);
      const list = this.formerByName.get(name);
      if (list) list.push(former);
      else this.formerByName.set(name, [former]);
      if (former.kind === 'arrondissement-municipal') {
        for (const postalCode of former.postalCodes) this.arrondissementByPostalCode.set(postalCode, former);
      } else {
        this.acceptedNamesByCode.get(former.currentCode)?.add(name);
      }
    }
  }

  geocode(query: GeocodeQuery): GeocodeResult {
    // Fast path for the common, unambiguous case: a current code with its official name.
    if (query.codeInsee) {
      const commune = this.gazetteer.communeByCode.get(query.codeInsee);
      if (
        commune &&
        query.commune === commune.name &&
        (!query.department || query.department === commune.departmentCode) &&
        (!query.postalCode || (commune.postalCodes.includes(query.postalCode) && !this.arrondissementByPostalCode.has(query.postalCode)))
      ) {
        let exact = this.exactResults.get(commune);
        if (!exact) {
          exact = this.found(commune, []);
          this.exactResults.set(commune, exact);
        }
        return exact;
      }
    }
    const key = `${query.codeInsee ?? ''}|${query.commune}|${query.postalCode ?? ''}|${query.department ?? ''}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const result = this.resolve(query);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }

  private resolve(query: GeocodeQuery): GeocodeResult {
    const name = normalizePlaceName(query.commune);
    const code = (query.codeInsee ?? '').trim().toUpperCase();
    const postalCode = (query.postalCode ?? '').trim();
    const department = (query.department ?? '').trim().toUpperCase();
    const named = parseArrondissementName(name);
    const hints: ArrondissementHints = { postalCode };
    if (named) {
      hints.byName = this.arrondissementByCode(named.code);
      if (!hints.byName || hints.byName.currentCode !== named.communeCode) {
        const city = this.gazetteer.communeByCode.get(named.communeCode);
        const count = this.gazetteer.formerCommunes.filter((former) => former.currentCode === named.communeCode).length;
        return { ok: false, column: 'commune', reason: `« ${query.commune.trim()} » : ${city?.name ?? ''} n’a pas d’arrondissement n° ${named.number} (1 à ${count})` };
      }
    }
    let result: GeocodeResult;
    if (code) {
      hints.byCode = this.arrondissementByCode(code);
      result = this.resolveByCode(code, name, query.commune, postalCode, department);
    } else if (!name) {
      return { ok: false, column: 'commune', reason: 'commune manquante' };
    } else if (hints.byName) {
      const city = this.gazetteer.communeByCode.get(hints.byName.currentCode) as Commune;
      result = this.resolveByName(normalizePlaceName(city.name), query.commune, postalCode, department);
    } else {
      result = this.resolveByName(name, query.commune, postalCode, department);
    }
    return result.ok ? this.placeOnArrondissement(result, hints, query.commune) : result;
  }

  private arrondissementByCode(code: string): FormerCommune | undefined {
    const former = this.gazetteer.formerCommuneByCode.get(code);
    return former?.kind === 'arrondissement-municipal' ? former : undefined;
  }

  /** Moves a Paris, Lyon or Marseille result onto the arrondissement its code, name or postal code designates. */
  private placeOnArrondissement(result: Extract<GeocodeResult, { ok: true }>, hints: ArrondissementHints, givenName: string): GeocodeResult {
    const chosen = chooseArrondissement(result.commune.code, hints, this.arrondissementByPostalCode, givenName);
    if (typeof chosen === 'string') return { ok: false, column: 'code_insee', reason: chosen };
    if (!chosen?.point) return result;
    const warnings = result.warnings.filter((warning) => !warning.startsWith('code postal'));
    if (hints.postalCode && !chosen.postalCodes.includes(hints.postalCode)) {
      warnings.push(`code postal ${hints.postalCode} inhabituel pour ${chosen.name} (${chosen.code}) (attendu : ${chosen.postalCodes.join(', ')})`);
    }
    return { ...result, ...chosen.point, approximate: false, warnings };
  }

  private resolveByCode(code: string, name: string, givenName: string, postalCode: string, department: string): GeocodeResult {
    const warnings: string[] = [];
    let commune = this.gazetteer.communeByCode.get(code);
    let acceptedNames = commune ? this.acceptedNamesByCode.get(code) : undefined;
    if (!commune) {
      const former = this.gazetteer.formerCommuneByCode.get(code);
      const parent = former ? this.gazetteer.communeByCode.get(former.currentCode) : undefined;
      if (!former || !parent) {
        const byName = name ? this.resolveByName(name, givenName, postalCode, department) : undefined;
        const hint = byName?.ok ? ` ; la commune « ${givenName} » a le code ${byName.commune.code}` : '';
        return { ok: false, column: 'code_insee', reason: `code INSEE inconnu : ${code}${hint}` };
      }
      commune = parent;
      acceptedNames = new Set([normalizePlaceName(former.name), normalizePlaceName(parent.name)]);
      // An arrondissement code is an ordinary way to write Paris, Lyon or Marseille: no warning.
      if (former.kind !== 'arrondissement-municipal') {
        warnings.push(
          `code_insee ${code} (${former.name}) est ${FORMER_KIND_LABEL[former.kind]} : rattaché à ${parent.name} (${parent.code})`,
        );
      }
    }
    if (name && !acceptedNames?.has(name) && parseArrondissementName(name)?.communeCode !== commune.code) {
      return {
        ok: false,
        column: 'code_insee',
        reason: `le code INSEE ${code} est celui de « ${commune.name} » (dép. ${commune.departmentCode}), pas de « ${givenName.trim()} »`,
      };
    }
    if (department && department !== commune.departmentCode) {
      return {
        ok: false,
        column: 'departement',
        reason: `le département ${department} contredit le code INSEE ${code} (${commune.name}, dép. ${commune.departmentCode})`,
      };
    }
    if (postalCode && !commune.postalCodes.includes(postalCode)) {
      warnings.push(`code postal ${postalCode} inhabituel pour ${describe(commune)} (attendu : ${commune.postalCodes.join(', ')})`);
    }
    return { ok: true, commune, longitude: commune.longitude, latitude: commune.latitude, approximate: commune.approximate, warnings };
  }

  private resolveByName(name: string, givenName: string, postalCode: string, department: string): GeocodeResult {
    const candidates = this.currentByName.get(name) ?? [];
    const shown = `« ${givenName.trim()} »`;
    if (postalCode) {
      const withPostalCode = candidates.filter((commune) => commune.postalCodes.includes(postalCode));
      if (withPostalCode.length === 1) return this.found(withPostalCode[0] as Commune, []);
      if (withPostalCode.length > 1) return this.ambiguous(shown, withPostalCode, `avec le code postal ${postalCode}`);
    }
    // Without a postal code match, fall back to the département, given or implied by the postal code.
    const departments = department ? [department] : postalCode ? departmentsOfPostalCode(postalCode) : [];
    if (departments.length > 0) {
      const inDepartment = candidates.filter((commune) => departments.includes(commune.departmentCode));
      const postalWarning =
        postalCode && !department ? [`code postal ${postalCode} inhabituel pour cette commune ; retenue d’après le département`] : [];
      if (inDepartment.length === 1) {
        const commune = inDepartment[0] as Commune;
        const warnings = postalCode && !commune.postalCodes.includes(postalCode)
          ? [`code postal ${postalCode} inhabituel pour ${describe(commune)} (attendu : ${commune.postalCodes.join(', ')})`]
          : postalWarning;
        return this.found(commune, warnings);
      }
      if (inDepartment.length > 1) return this.ambiguous(shown, inDepartment, `dans le département ${departments.join('/')}`);
      const former = this.formerNamed(name, departments);
      if (former) return former;
      const column: GeocodeColumn = department ? 'departement' : 'code_postal';
      const elsewhere = candidates.length > 0 ? ` ; elle existe ailleurs : ${listCandidates(candidates)}` : '';
      const suggestions = candidates.length > 0 ? '' : this.suggest(name, departments);
      return {
        ok: false,
        column: candidates.length > 0 ? column : 'commune',
        reason: `aucune commune ${shown} ${department ? `dans le département ${department}` : `avec le code postal ${postalCode}`}${elsewhere}${suggestions}`,
      };
    }
    if (candidates.length === 1) return this.found(candidates[0] as Commune, []);
    if (candidates.length > 1) return this.ambiguous(shown, candidates, 'en France');
    const former = this.formerNamed(name, undefined);
    if (former) return former;
    return { ok: false, column: 'commune', reason: `commune ${shown} inconnue${this.suggest(name, undefined)}` };
  }

  private found(commune: Commune, warnings: string[]): GeocodeResult {
    return { ok: true, commune, longitude: commune.longitude, latitude: commune.latitude, approximate: commune.approximate, warnings };
  }

  private ambiguous(shown: string, candidates: readonly Commune[], scope: string): GeocodeResult {
    return {
      ok: false,
      column: 'commune',
      reason: `${shown} est ambiguë : ${candidates.length} communes ${scope} (${listCandidates(candidates)}) ; précisez code_insee, code_postal ou departement`,
    };
  }

  /** A former commune's name (déléguée, associée) resolves to today's commune, with a warning. */
  private formerNamed(name: string, departments: readonly string[] | undefined): GeocodeResult | undefined {
    const formers = (this.formerByName.get(name) ?? []).filter(
      (former) => former.kind !== 'arrondissement-municipal' && (!departments || departments.includes(former.departmentCode)),
    );
    const parents = [...new Set(formers.map((former) => former.currentCode))]
      .map((code) => this.gazetteer.communeByCode.get(code))
      .filter((commune): commune is Commune => commune !== undefined);
    if (parents.length !== 1) return undefined;
    const parent = parents[0] as Commune;
    const former = formers[0] as FormerCommune;
    return this.found(parent, [`« ${former.name} » est ${FORMER_KIND_LABEL[former.kind]} de ${describe(parent)}`]);
  }

  /** The closest official names, nearest first, as « ; vouliez-vous dire : … ? ». */
  private suggest(name: string, departments: readonly string[] | undefined): string {
    this.suggestions ??= new CommuneSuggestions(this.suggestionNames);
    const best = this.suggestions.closest(name, withoutArticle(name), departments).map(describe);
    return best.length > 0 ? ` ; vouliez-vous dire : ${best.join(', ')} ?` : '';
  }
}
