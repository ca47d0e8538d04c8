import { describe, expect, it } from 'vitest';
import { blockLength, checkMagic, CompactFormatError, decodeBlock, encodeBlock, MAGIC_LENGTH } from '../../../src/domain/compact-format';
import { applyCompactDetails, CompactCoreReader, DETAILS_BLOCK_SIZE } from '../../../src/domain/compact-initiatives';
import { encodeCompactInitiatives } from '../../../src/domain/compact-writer';
import { fieldOf, TEXT_PROPERTIES, type Initiative } from '../../../src/domain/initiative';
import { nameOrder } from '../../../src/domain/sort-orders';
import { InitiativeIndex } from '../../../src/domain/initiative-index';
import { anInitiative } from '../../support/builders';

function joined({ parts }: { parts: readonly Uint8Array[] }): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

/** Reads a whole compact file as the page does: the core, then each details block. */
function readAll(bytes: Uint8Array) {
  let offset = checkMagic(bytes);
  const reader = new CompactCoreReader();
  while (!reader.done) {
    const length = blockLength(bytes, offset) as number;
    reader.add(decodeBlock(bytes, offset));
    offset += length;
  }
  const core = reader.core();
  const beforeDetails = core.initiatives.map((initiative) => ({ ...initiative }));
  while (offset < bytes.byteLength) {
    const length = blockLength(bytes, offset) as number;
    applyCompactDetails(core, decodeBlock(bytes, offset));
    offset += length;
  }
  return { core, beforeDetails };
}

const gare = anInitiative({
  description: 'Tiers-lieu dans l’ancienne gare — « café », ateliers 🚲',
  legalForm: 'Association loi 1901',
  website: 'https://example.org/gare',
  source: 'https://example.org/source',
  address: '1 place de la Gare, 52160 Vaillant',
  phone: '+33325000000',
  themes: ['tiers-lieux', 'mobilite'],
});
const calais = anInitiative({ id: 'anima', name: 'Anima', commune: 'Calais', insee: '62193', department: '62', territory: 'centre-ville', themes: ['entrepreneuriat'], longitude: 1.8587, latitude: 50.9513, approximate: true });

describe('the compact data file', () => {
  it('gives back every initiative, whole, once its details blocks are read', () => {
    const { core } = readAll(joined(encodeCompactInitiatives([gare, calais], 'sha256-abc', '2026-12-07T10:00:00Z')));
    expect(core.digest).toBe('sha256-abc');
    expect(core.updated).toBe('2026-12-07T10:00:00Z');
    expect(core.invalid).toEqual([]);
    expect(core.initiatives).toEqual([gare, calais]);
  });

  it('holds the first screen in its first block, and descriptions and contacts only in the later ones', () => {
    const { beforeDetails } = readAll(joined(encodeCompactInitiatives([gare], 'd')));
    const [first] = beforeDetails as [Initiative];
    expect(first).toMatchObject({ id: 'collectif-gare', name: 'Collectif GARE', themes: ['tiers-lieux', 'mobilite'], commune: 'Vaillant', longitude: 5.15915 });
    expect(first.description).toBe('');
    expect(first.phone).toBeUndefined();
    // Every text property has its place before the details come (one object shape for all).
    expect(Object.keys(first).sort()).toEqual([...Object.keys(anInitiative()), ...TEXT_PROPERTIES.map(fieldOf)].filter((key, index, all) => all.indexOf(key) === index).sort());
  });

  it('splits the details into blocks of DETAILS_BLOCK_SIZE records, each applied to its own records', () => {
    const many = Array.from({ length: DETAILS_BLOCK_SIZE + 3 }, (_, index) => anInitiative({ id: `i-${index}`, description: `n° ${index}` }));
    const encoded = encodeCompactInitiatives(many, 'd');
    expect(encoded.parts).toHaveLength(1 + 1 + 1 + 2); // magic, core, order, two details blocks
    // What the page asks for first ends where the details begin.
    expect(encoded.coreBytes).toBe(encoded.parts.slice(0, 3).reduce((sum, part) => sum + part.byteLength, 0));
    const { core } = readAll(joined(encoded));
    expect(core.initiatives[DETAILS_BLOCK_SIZE + 2]?.description).toBe(`n° ${DETAILS_BLOCK_SIZE + 2}`);
  });

  it('reads the initiatives over several core blocks, in order, and skips a duplicate across blocks', () => {
    const size = 3;
    const many = Array.from({ length: 2 * size + 1 }, (_, index) => anInitiative({ id: `c-${index}`, name: `N ${index}`, themes: index % 2 ? ['mobilite'] : ['tiers-lieux', 'alimentation'] }));
    const twin = anInitiative({ id: 'c-0', name: 'twin' });
    const { core } = readAll(joined(encodeCompactInitiatives([...many, twin], 'd', undefined, size)));
    expect(core.initiatives.map((initiative) => initiative.id)).toEqual(many.map((initiative) => initiative.id));
    expect(core.invalid).toEqual([{ index: 2 * size + 1, reason: 'id en double : c-0' }]);
    // The parts of the index built while reading are those the index would build itself.
    const built = new InitiativeIndex(core.initiatives);
    const handed = new InitiativeIndex(core.initiatives, { themeMasks: core.themeMasks });
    expect(handed.themeMasks).toEqual(built.themeMasks);
    expect(core.initiatives.map((initiative) => handed.positionOf(initiative.id))).toEqual(core.initiatives.map((initiative) => built.positionOf(initiative.id)));
    expect(core.nameOrder).toEqual(nameOrder(core.initiatives));
  });

  it('reports a bad record with its position and reason, and keeps the others', () => {
    const bad = { ...calais, id: 'bad', insee: '6219' } as Initiative;
    const twin = { ...gare, description: 'twin' } as Initiative;
    const { core } = readAll(joined(encodeCompactInitiatives([gare, bad, calais, twin], 'd')));
    expect(core.initiatives.map((initiative) => initiative.id)).toEqual(['collectif-gare', 'anima']);
    expect(core.invalid).toEqual([
      { index: 1, reason: 'insee: code invalide' },
      { index: 3, reason: 'id en double : collectif-gare' },
    ]);
    // The skipped twin's details never land on another initiative.
    expect(core.initiatives[0]?.description).toBe(gare.description);
  });

  it('carries the list’s name order, that of the kept initiatives when some are skipped', () => {
    const names = ['Épicerie', 'atelier', 'Zèbre', 'Bricothèque', 'abeille'];
    const many = names.map((name, index) => anInitiative({ id: `n-${index}`, name }));
    const bad = { ...calais, id: 'bad', territory: 'nulle-part' } as unknown as Initiative;
    const { core } = readAll(joined(encodeCompactInitiatives([...many.slice(0, 2), bad, ...many.slice(2)], 'd')));
    expect(core.nameOrder && [...core.nameOrder].map((position) => core.initiatives[position]?.name)).toEqual(['abeille', 'atelier', 'Bricothèque', 'Épicerie', 'Zèbre']);
    expect(core.nameOrder).toEqual(nameOrder(core.initiatives));
  });

  it('refuses a file that is not one, a block cut short and a table that does not add up', () => {
    expect(() => checkMagic(new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'))).toThrow(CompactFormatError);
    const block = encodeBlock({ kind: 'x', start: 0, count: 1, numbers: [], texts: [{ name: 'name', values: ['Anima'] }] });
    expect(blockLength(block.subarray(0, 3), 0)).toBeNull();
    expect(() => decodeBlock(block.subarray(0, block.byteLength - 1), 0)).toThrow(CompactFormatError);
    const garbled = block.slice();
    garbled[garbled.byteLength - 1] = 0xff; // not UTF-8
    expect(() => decodeBlock(garbled, 0)).toThrow(/UTF-8/);
    expect(MAGIC_LENGTH).toBeGreaterThan(8);
  });
});
