/** Territory types (CONTRACT §3). */
export const TERRITORIES = [
  { id: 'qpv', label: 'Quartier prioritaire (QPV)' },
  { id: 'rural', label: 'Rural' },
  { id: 'centre-ville', label: 'Centre-ville ou centre-bourg' },
  { id: 'urbain', label: 'Urbain' },
] as const;

export type Territory = (typeof TERRITORIES)[number];
export type TerritoryId = Territory['id'];

export const TERRITORY_IDS: readonly TerritoryId[] = TERRITORIES.map((territory) => territory.id);

export function isTerritoryId(value: string): value is TerritoryId {
  return (TERRITORY_IDS as readonly string[]).includes(value);
}

export function getTerritory(id: TerritoryId): Territory {
  return TERRITORIES.find((territory) => territory.id === id) as Territory;
}
