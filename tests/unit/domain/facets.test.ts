import { describe, expect, it } from 'vitest';
import { groupDepartmentsByRegion } from '../../../src/domain/facets';
import { DEPARTMENTS } from '../../../src/domain/departments';

describe('départements grouped by région', () => {
  it('lists each of the 101 départements once, under its région, régions in French order', () => {
    const groups = groupDepartmentsByRegion();
    const codes = groups.flatMap((group) => group.departments.map(({ department }) => department.code));
    expect(codes.sort()).toEqual(DEPARTMENTS.map((department) => department.code).sort());
    const names = groups.map((group) => group.regionName);
    expect(names).toEqual([...names].sort(new Intl.Collator('fr').compare));
    const corsica = groups.find((group) => group.regionName === 'Corse');
    expect(corsica?.departments.map(({ department }) => department.code)).toEqual(['2A', '2B']);
  });

  it('filters by name, number or région, ignoring accents and case', () => {
    const codesFor = (text: string) => groupDepartmentsByRegion(text).flatMap((group) => group.departments.map(({ department }) => department.code));
    expect(codesFor('COTE d or')).toEqual(['21']);
    expect(codesFor('52')).toEqual(['52']);
    expect(codesFor('bretagne').sort()).toEqual(['22', '29', '35', '56']);
    expect(codesFor('réunion')).toEqual(['974']);
    expect(codesFor('atlantide')).toEqual([]);
  });
});
