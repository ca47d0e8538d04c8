import { describe, expect, it } from 'vitest';
import type { Initiative } from '../../../src/domain/initiative';
import { buildGeoJson } from '../../../src/domain/geojson-export';
import { parseInitiativesCollection } from '../../../src/domain/geojson';
import { anInitiative } from '../../support/builders';

const base: Initiative = anInitiative({
  id: 'a', name: 'A', themes: ['commerces'], territory: 'qpv', commune: 'Lens', insee: '62498', department: '62',
  description: '=1+1 "quoted"\nline', source: '', website: '', legalForm: 'SCIC', longitude: 2.83, latitude: 50.43, approximate: false,
});

describe('GeoJSON export', () => {
  it('contains only the given initiatives, in order, and loads back into the same initiatives', () => {
    const list = [base, { ...base, id: 'b', longitude: -4.5 }, { ...base, id: 'c' }];
    const document = JSON.parse(buildGeoJson(list, [2, 1])) as unknown;
    const { initiatives, invalid } = parseInitiativesCollection(document);
    expect(invalid).toEqual([]);
    expect(initiatives).toEqual([list[2], list[1]]);
  });

  it('is an empty collection when nothing is shown', () => {
    expect(JSON.parse(buildGeoJson([base], []))).toEqual({ type: 'FeatureCollection', features: [] });
  });
});
