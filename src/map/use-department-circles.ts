import { useMemo } from 'react';
import type { Initiative } from '../domain/initiative';
import { computeStatistics } from '../domain/statistics';
import { departmentCircles } from './department-circles';
import { circlesToCollection } from './map-features';

const NO_CIRCLES = circlesToCollection({ type: 'FeatureCollection', features: [] });

/** « Cercles par département »: one circle per département, for the filtered initiatives, while the mode is on. */
export function useDepartmentCircles(on: boolean, initiatives: readonly Initiative[], visibleIndices: readonly number[]) {
  // Filters matter to the circles only while they are shown.
  const shownIndices = on ? visibleIndices : null;
  return useMemo(
    () => (shownIndices ? circlesToCollection(departmentCircles(computeStatistics(initiatives, shownIndices).byDepartment)) : NO_CIRCLES),
    [shownIndices, initiatives],
  );
}
