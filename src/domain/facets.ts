import { DEPARTMENTS, type Department } from './departments';
import { foldText } from './text-folding';

export interface RegionGroup {
  regionCode: string;
  regionName: string;
  /** Slots in DEPARTMENTS, so facet counts can be read by slot. */
  departments: { slot: number; department: Department }[];
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

const searchableDepartments = DEPARTMENTS.map((department, slot) => ({
  slot,
  department,
  text: ` ${foldText(`${department.code} ${department.name} ${department.regionName}`)}`,
}));

/**
 * The départements whose code, name or région has words starting with each typed word
 * (accent- and case-insensitive), grouped by région in alphabetical order, each group in code order.
 */
export function groupDepartmentsByRegion(filterText = ''): RegionGroup[] {
  const words = foldText(filterText).split(' ').filter(Boolean);
  const groups = new Map<string, RegionGroup>();
  for (const entry of searchableDepartments) {
    // Words match from their start: "cote d or" is Côte-d'Or, not Côtes-d'Armor.
    if (!words.every((word) => entry.text.includes(` ${word}`))) continue;
    const { department } = entry;
    let group = groups.get(department.regionCode);
    if (!group) {
      group = { regionCode: department.regionCode, regionName: department.regionName, departments: [] };
      groups.set(department.regionCode, group);
    }
    group.departments.push({ slot: entry.slot, department });
  }
  return [...groups.values()].sort((left, right) => collator.compare(left.regionName, right.regionName));
}
