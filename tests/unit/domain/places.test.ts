import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEpciIndex } from '../../../scripts/build-epci-index';
import { EMPTY_FILTERS } from '../../../src/domain/filters';
import { applyFilters } from '../../../src/domain/filtering';
import { InitiativeIndex } from '../../../src/domain/initiative-index';
import { parseInitiativesCollection } from '../../../src/domain/geojson';
import type { Initiative } from '../../../src/domain/initiative';
import { EpciTable, REGIONS, epciMembership } from '../../../src/domain/places';

const require = createRequire(import.meta.url);
const cogDepartments = require('@etalab/decoupage-administratif/data/departements.json') as { code: string; region: string }[];
const cogEpcis = require('@etalab/decoupage-administratif/data/epci.json') as { code: string; membres: { code: string }[] }[];
const cogCommunes = require('@etalab/decoupage-administratif/data/communes.json') as { code: string; type: string; commune?: string }[];

const bundledPath = resolve(import.meta.dirname, '../../../public/data/initiatives.geojson');

function bundled(): Initiative[] {
  // Written by `npm run data:bundled` (which `npm test`'s e2e setup and `npm start` run).
  if (!existsSync(bundledPath)) throw new Error('run npm run data:bundled first');
  return parseInitiativesCollection(JSON.parse(readFileSync(bundledPath, 'utf8'))).initiatives;
}

const table = new EpciTable(buildEpciIndex());

describe('région and EPCI filters on the bundled data', () => {
  const initiatives = bundled();
  const index = new InitiativeIndex(initiatives);
  const membership = epciMembership(table, initiatives);

  it('?region=44 keeps what the COG says is in Grand Est', () => {
    const grandEst = new Set(cogDepartments.filter((department) => department.region === '44').map((department) => department.code));
    const expected = initiatives.filter((initiative) => grandEst.has(initiative.department)).length;
    expect(expected).toBeGreaterThan(0);
    const result = applyFilters(index, { ...EMPTY_FILTERS, regions: ['44'] }, membership);
    expect(result.indices.length).toBe(expected);
    // The facet counts each région with the other facets applied: Grand Est's own count is the same.
    expect(result.counts.regions[REGIONS.findIndex((region) => region.code === '44')]).toBe(expected);
  });

  it('?epci= the busiest EPCI keeps its member communes’ initiatives, arrondissements included', () => {
    const parentOf = new Map(cogCommunes.filter((commune) => commune.type === 'arrondissement-municipal').map((commune) => [commune.code, commune.commune]));
    const perEpci = cogEpcis.map((epci) => {
      const members = new Set(epci.membres.map((member) => member.code));
      const count = initiatives.filter((initiative) => members.has(initiative.insee) || members.has(parentOf.get(initiative.insee) ?? '')).length;
      return { siren: epci.code, count };
    });
    const busiest = perEpci.sort((left, right) => right.count - left.count)[0]!;
    expect(busiest.count).toBeGreaterThan(1);
    const result = applyFilters(index, { ...EMPTY_FILTERS, epcis: [busiest.siren] }, membership);
    expect(result.indices.length).toBe(busiest.count);
    expect(result.counts.epcis[table.slotOfSiren(busiest.siren)]).toBe(busiest.count);
  });

  it('ignores an unknown SIREN, and counts nothing for communes in no EPCI without breaking', () => {
    const all = applyFilters(index, EMPTY_FILTERS, membership);
    expect(applyFilters(index, { ...EMPTY_FILTERS, epcis: ['999999999'] }, membership).indices.length).toBe(all.indices.length);
    const island = { ...initiatives[0]!, id: 'ile-d-yeu', insee: '85113', department: '85' };
    const withIsland = [...initiatives, island];
    const islandMembership = epciMembership(table, withIsland);
    expect(table.slotOfCommune('85113')).toBe(-1);
    const counts = applyFilters(new InitiativeIndex(withIsland), EMPTY_FILTERS, islandMembership).counts.epcis;
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(withIsland.filter((initiative) => table.slotOfCommune(initiative.insee) >= 0).length);
  });
});
