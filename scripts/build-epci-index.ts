/**
 * Writes the EPCI membership the browser reads for the « Intercommunalités » filter
 * (src/domain/places.ts): public/data/epci.json, one line per EPCI,
 * [siren, name, members] where members is the member communes' INSEE codes written end to end
 * (5 characters each, municipal arrondissements included with their commune), from the COG
 * data of @etalab/decoupage-administratif. Usage: tsx scripts/build-epci-index.ts [--out FILE]
 */
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

interface CogEpci { code: string; nom: string; membres: { code: string }[] }
interface CogCommune { code: string; type: string; commune?: string }

export type EpciRow = [siren: string, name: string, members: string];

export function buildEpciIndex(): EpciRow[] {
  const require = createRequire(import.meta.url);
  const epcis = require('@etalab/decoupage-administratif/data/epci.json') as CogEpci[];
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as CogCommune[];
  // Paris, Lyon and Marseille belong to their EPCI as communes; initiatives may be placed in an arrondissement.
  const arrondissements = new Map<string, string[]>();
  for (const commune of communes) {
    if (commune.type !== 'arrondissement-municipal' || !commune.commune) continue;
    arrondissements.set(commune.commune, [...(arrondissements.get(commune.commune) ?? []), commune.code]);
  }
  return epcis
    .map((epci): EpciRow => {
      const codes = epci.membres.flatMap((member) => [member.code, ...(arrondissements.get(member.code) ?? [])]);
      return [epci.code, epci.nom, [...new Set(codes)].sort().join('')];
    })
    .sort((left, right) => left[0].localeCompare(right[0]));
}

function main(): void {
  const outIndex = process.argv.indexOf('--out');
  const outPath = outIndex >= 0 ? (process.argv[outIndex + 1] ?? '') : 'public/data/epci.json';
  const rows = buildEpciIndex();
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, `[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`);
  console.log(`${rows.length} EPCI écrits dans ${outPath}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
