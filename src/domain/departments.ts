import departementsData from '@etalab/decoupage-administratif/data/departements.json';
import regionsData from '@etalab/decoupage-administratif/data/regions.json';

export interface Department {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
}

interface CogDepartement { code: string; nom: string; region: string }
interface CogRegion { code: string; nom: string }

const regionNames = new Map((regionsData as CogRegion[]).map((region) => [region.code, region.nom]));

/** The 101 départements of the COG, in code order. */
export const DEPARTMENTS: readonly Department[] = (departementsData as CogDepartement[]).map((departement) => ({
  code: departement.code,
  name: departement.nom,
  regionCode: departement.region,
  regionName: regionNames.get(departement.region) ?? '',
}));

const departmentByCode = new Map(DEPARTMENTS.map((department) => [department.code, department]));

export function isDepartmentCode(value: string): boolean {
  return departmentByCode.has(value);
}

export function getDepartment(code: string): Department | undefined {
  return departmentByCode.get(code);
}

/** Département of a commune code: "52499" → "52", "2A004" → "2A", "97411" → "974". */
export function departmentOfCode(code: string): string {
  return code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2);
}

const regionCodes = new Set(DEPARTMENTS.map((department) => department.regionCode));

/** A COG region code that has départements (« 44 » Grand Est, « 04 » La Réunion). */
export function isRegionCode(value: string): boolean {
  return regionCodes.has(value);
}
