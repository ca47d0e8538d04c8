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

/**
 * The one rule for a département code the app covers (CONTRACT §3): 01–95 (Corsica as 2A and
 * 2B, not 20), and the overseas 971–976. Its source text is reused where a code sits inside a larger pattern.
 */
export const DEPARTMENT_CODE_SOURCE = '0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-6]';
export const DEPARTMENT_CODE_PATTERN = new RegExp(`^(?:${DEPARTMENT_CODE_SOURCE})$`);

/** The départements of the COG the app covers, in code order (the COG's 977 and 978 are not). */
export const DEPARTMENTS: readonly Department[] = (departementsData as CogDepartement[]).filter((departement) => DEPARTMENT_CODE_PATTERN.test(departement.code)).map((departement) => ({
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
