import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distance as turfDistance, point } from '@turf/turf';
import { distanceKm, formatDistance, nearestInitiative, orderByDistance } from '../../../src/domain/distance';
import type { Initiative } from '../../../src/domain/initiative';
import { makeInitiative } from './filtering-fixtures';

function initiativeAt(id: string, longitude: number, latitude: number): Initiative {
  return makeInitiative({ id, longitude, latitude });
}

const frenchLongitude = fc.double({ min: -5.5, max: 9.6, noNaN: true });
const frenchLatitude = fc.double({ min: 41.3, max: 51.1, noNaN: true });

describe('distance between two places', () => {
  it('agrees with @turf/turf distance to the metre anywhere in France', () => {
    fc.assert(
      fc.property(frenchLongitude, frenchLatitude, frenchLongitude, frenchLatitude, (lonA, latA, lonB, latB) => {
        const expected = turfDistance(point([lonA, latA]), point([lonB, latB]), { units: 'kilometers' });
        expect(Math.abs(distanceKm({ longitude: lonA, latitude: latA }, { longitude: lonB, latitude: latB }) - expected)).toBeLessThan(0.001);
      }),
      { numRuns: 500 },
    );
  });

  it('gives Paris–Marseille about 661 km', () => {
    const paris = { longitude: 2.3522, latitude: 48.8566 };
    const marseille = { longitude: 5.3698, latitude: 43.2965 };
    expect(distanceKm(paris, marseille)).toBeGreaterThan(655);
    expect(distanceKm(paris, marseille)).toBeLessThan(665);
  });
});

describe('ordering initiatives by distance from a chosen commune', () => {
  it('puts them in the order turf distances imply, nearest first, and reports each distance', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(frenchLongitude, frenchLatitude), { minLength: 1, maxLength: 60 }),
        frenchLongitude,
        frenchLatitude,
        (points, originLongitude, originLatitude) => {
          const initiatives = points.map(([longitude, latitude], index) => initiativeAt(`i${index}`, longitude, latitude));
          // A subset, in a shuffled order, as the filters would hand it over.
          const indices = initiatives.map((_, index) => index).filter((index) => index % 3 !== 1).reverse();
          const origin = { longitude: originLongitude, latitude: originLatitude };
          const { indices: ordered, distancesKm } = orderByDistance(origin, initiatives, indices);

          const reference = indices
            .map((index) => ({
              index,
              km: turfDistance(point([originLongitude, originLatitude]), point([initiatives[index]!.longitude, initiatives[index]!.latitude])),
            }))
            .sort((left, right) => left.km - right.km);
          expect(ordered).toHaveLength(indices.length);
          expect([...ordered].sort((a, b) => a - b)).toEqual([...indices].sort((a, b) => a - b));
          ordered.forEach((index, rank) => {
            const turfKm = turfDistance(point([originLongitude, originLatitude]), point([initiatives[index]!.longitude, initiatives[index]!.latitude]));
            expect(Math.abs(distancesKm[rank]! - turfKm)).toBeLessThan(0.001);
            // Same rank as the reference, up to points at the same distance (within a metre).
            expect(Math.abs(turfKm - reference[rank]!.km)).toBeLessThan(0.001);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds the nearest initiative even far away from the chosen commune', () => {
    const initiatives = [
      initiativeAt('lille', 3.0573, 50.6292),
      initiativeAt('nice', 7.262, 43.7102),
      initiativeAt('brest', -4.4861, 48.3904),
    ];
    // Vaillant (Haute-Marne), a commune with no initiative of its own.
    const vaillant = { longitude: 5.15, latitude: 47.73 };
    const nearest = nearestInitiative(vaillant, initiatives, [0, 1, 2]);
    expect(initiatives[nearest!.index]!.id).toBe('lille');
    expect(nearestInitiative(vaillant, initiatives, [])).toBeNull();
  });

  it('orders 100,000 initiatives, nearest first, keeping every one', () => {
    const initiatives = Array.from({ length: 100_000 }, (_, index) =>
      initiativeAt(`i${index}`, -5 + ((index * 7919) % 14_000) / 1000, 42 + ((index * 104_729) % 9000) / 1000));
    const indices = initiatives.map((_, index) => index);
    const { indices: ordered, distancesKm } = orderByDistance({ longitude: 2.35, latitude: 48.85 }, initiatives, indices);
    expect(new Set(ordered).size).toBe(100_000);
    const outOfOrder = ordered.filter((_, rank) => rank > 0 && distancesKm[rank]! < distancesKm[rank - 1]!);
    expect(outOfOrder).toEqual([]);
  });
});

describe('distance shown to people', () => {
  it('reads in metres under a kilometre and in kilometres above, French style', () => {
    expect(formatDistance(0.4234)).toBe('420 m');
    expect(formatDistance(3.26)).toBe('3,3 km');
    expect(formatDistance(124.4)).toBe('124 km');
  });
});
