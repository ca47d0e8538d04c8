import { describe, expect, it } from 'vitest';
import { isInBounds } from '../../../src/domain/bounds';
import { applyFilters, filterInitiatives } from '../../../src/domain/filtering';
import { InitiativeIndex } from '../../../src/domain/initiative-index';
import { orderIndices } from '../../../src/domain/sort-orders';
import { foldSearchText as normalizeSearchText } from '../../../src/domain/text-folding';
import { EMPTY_FILTERS, type Filters } from '../../../src/domain/filters';
import { generateInitiatives, makeInitiative } from './filtering-fixtures';

const sample = [
  makeInitiative({ id: 'cafe', name: 'Le Café des Possibles', commune: 'Langres', themes: ['alimentation', 'tiers-lieux'], territory: 'centre-ville', department: '52' }),
  makeInitiative({ id: 'julien', name: 'Recyclerie du Val', commune: 'Saint-Julien-en-Genevois', themes: ['economie-circulaire'], territory: 'rural', department: '74' }),
  makeInitiative({ id: 'velo', name: 'Atelier vélo', commune: 'Arras', description: 'Réparation de vélos, L’Œuvre solidaire', themes: ['mobilite', 'economie-circulaire'], territory: 'qpv', department: '62' }),
  makeInitiative({ id: 'stade', name: 'Jardin du stade', commune: 'Ste Marie', themes: ['alimentation'], territory: 'urbain', department: '2A' }),
];

function ids(filters: Partial<Filters>): string[] {
  return filterInitiatives(sample, { ...EMPTY_FILTERS, ...filters }).map((index) => sample[index]!.id);
}

describe('text search', () => {
  it('ignores accents and case: "cafe" finds « Café »', () => {
    expect(ids({ query: 'cafe' })).toEqual(['cafe']);
    expect(ids({ query: 'CAFÉ' })).toEqual(['cafe']);
  });

  it('expands st/ste: "st julien" finds « Saint-Julien », "sainte marie" finds « Ste Marie »', () => {
    expect(ids({ query: 'st julien' })).toEqual(['julien']);
    expect(ids({ query: 'st-julien' })).toEqual(['julien']);
    expect(ids({ query: 'sainte marie' })).toEqual(['stade']);
  });

  it('still finds words that merely start with "st" (stade)', () => {
    expect(ids({ query: 'st' })).toEqual(['julien', 'stade']);
  });

  it('ignores punctuation and ligatures, and searches the description and the commune', () => {
    expect(ids({ query: 'oeuvre' })).toEqual(['velo']);
    expect(ids({ query: 'reparation, velos!' })).toEqual(['velo']);
    expect(ids({ query: 'langres' })).toEqual(['cafe']);
  });

  it('requires every word', () => {
    expect(ids({ query: 'atelier arras' })).toEqual(['velo']);
    expect(ids({ query: 'atelier langres' })).toEqual([]);
  });

  it('normalises stored text with the abbreviations expanded', () => {
    expect(normalizeSearchText('St-Étienne, Ste Foy')).toBe('saint etienne sainte foy');
  });
});

describe('facets', () => {
  it('themes match any by default and all with match=all', () => {
    expect(ids({ themes: ['alimentation', 'mobilite'] })).toEqual(['cafe', 'velo', 'stade']);
    expect(ids({ themes: ['alimentation', 'tiers-lieux'], match: 'all' })).toEqual(['cafe']);
    expect(ids({ themes: ['mobilite', 'economie-circulaire'], match: 'all' })).toEqual(['velo']);
  });

  it('combines facets with AND', () => {
    expect(ids({ themes: ['economie-circulaire'], territories: ['qpv'] })).toEqual(['velo']);
    expect(ids({ themes: ['alimentation'], departments: ['2A'] })).toEqual(['stade']);
    expect(ids({ themes: ['alimentation'], departments: ['2A'], query: 'cafe' })).toEqual([]);
  });

  it('empty filters keep everything', () => {
    expect(ids({})).toEqual(['cafe', 'julien', 'velo', 'stade']);
  });
});

/** The slow, obvious computation the fast one must agree with. */
function bruteForce(initiatives: ReturnType<typeof generateInitiatives>, filters: Filters) {
  const keep = (candidate: Filters) => filterInitiativesNaive(initiatives, candidate).length;
  return {
    themes: (['alimentation', 'commerces', 'mobilite', 'entrepreneuriat', 'tiers-lieux', 'economie-circulaire', 'transition-energetique'] as const).map((theme) =>
      filters.match === 'all'
        ? keep({ ...filters, themes: [...new Set([...filters.themes, theme])] })
        : keep({ ...filters, themes: [theme] })),
    territories: (['qpv', 'rural', 'centre-ville', 'urbain'] as const).map((territory) => keep({ ...filters, territories: [territory] })),
  };
}

function filterInitiativesNaive(initiatives: ReturnType<typeof generateInitiatives>, filters: Filters) {
  const words = normalizeSearchText(filters.query).split(' ').filter(Boolean);
  return initiatives.filter((initiative) => {
    if (filters.themes.length > 0) {
      const hits = filters.themes.filter((theme) => initiative.themes.includes(theme)).length;
      if (filters.match === 'all' ? hits < filters.themes.length : hits === 0) return false;
    }
    if (filters.territories.length > 0 && !filters.territories.includes(initiative.territory)) return false;
    if (filters.departments.length > 0 && !filters.departments.includes(initiative.department)) return false;
    const text = normalizeSearchText(`${initiative.name} ${initiative.commune} ${initiative.description}`);
    return words.every((word) => text.includes(word));
  });
}

describe('faceted counts against brute force on generated data', () => {
  const initiatives = generateInitiatives(3000);
  const index = new InitiativeIndex(initiatives);
  const cases: Filters[] = [
    EMPTY_FILTERS,
    { ...EMPTY_FILTERS, themes: ['mobilite'] },
    { ...EMPTY_FILTERS, themes: ['mobilite', 'commerces'], match: 'all', territories: ['rural', 'qpv'] },
    { ...EMPTY_FILTERS, themes: ['alimentation', 'tiers-lieux'], departments: ['52', '2A'], query: 'saint' },
    { ...EMPTY_FILTERS, territories: ['urbain'], departments: ['971'], query: 'cafe' },
    { ...EMPTY_FILTERS, themes: ['transition-energetique'], match: 'all', query: 'velo solidaire' },
  ];

  it.each(cases.map((filters, position) => [position, filters] as const))('case %i', (_position, filters) => {
    const result = applyFilters(index, filters);
    expect(result.indices.map((position) => initiatives[position]!.id)).toEqual(filterInitiativesNaive(initiatives, filters).map((initiative) => initiative.id));
    const expected = bruteForce(initiatives, filters);
    expect(result.counts.themes).toEqual(expected.themes);
    expect(result.counts.territories).toEqual(expected.territories);
    for (const code of ['01', '2A', '52', '62', '75', '971', '976', '13']) {
      const slot = index.departmentSlotOf(code) as number;
      expect(result.counts.departments[slot]).toBe(filterInitiativesNaive(initiatives, { ...filters, departments: [code] }).length);
    }
  });
});

describe('typing a search', () => {
  it('gives at each keystroke what a fresh search gives, deletions included', () => {
    const initiatives = generateInitiatives(2000);
    const typed = new InitiativeIndex(initiatives);
    const sequence = [...'st julien cafe'].map((_, length) => 'st julien cafe'.slice(0, length + 1));
    sequence.push('st julien', 'st', 'ste', 'stes', 'velo', 'velo s');
    for (const query of sequence) {
      const fresh = new InitiativeIndex(initiatives).queryMatches(query);
      expect([...(typed.queryMatches(query) ?? [])], query).toEqual([...(fresh ?? [])]);
    }
  });
});

describe('preparing the search in slices', () => {
  it('takes several small steps, and a search in between still sees every initiative', () => {
    const initiatives = generateInitiatives(1000);
    const sliced = new InitiativeIndex(initiatives);
    let steps = 0;
    // A zero budget stops at the first clock check: a slice of a few dozen texts.
    while (!sliced.prepareSearchStep(0)) {
      steps += 1;
      if (steps === 3) {
        const halfway = new InitiativeIndex(initiatives);
        halfway.prepareSearchStep(0);
        expect([...(halfway.queryMatches('cafe') ?? [])]).toEqual([...(new InitiativeIndex(initiatives).queryMatches('cafe') ?? [])]);
      }
    }
    expect(steps).toBeGreaterThan(5);
    expect(sliced.prepareSearch()).toEqual(new InitiativeIndex(initiatives).prepareSearch());
  });
});

describe('orders', () => {
  it('sorts by name with French collation, accents and case ignored, numbers naturally', () => {
    const initiatives = ['Zèbre', 'école', 'Étoile', 'abri', 'Atelier 10', 'Atelier 9'].map((name) => makeInitiative({ id: name, name }));
    const index = new InitiativeIndex(initiatives);
    expect([...index.nameOrder].map((position) => initiatives[position]!.name)).toEqual(['abri', 'Atelier 9', 'Atelier 10', 'école', 'Étoile', 'Zèbre']);
  });

  it('orders equal names by commune, and equal communes by name', () => {
    const initiatives = [
      makeInitiative({ id: '1', name: 'Garage solidaire', commune: 'Arras' }),
      makeInitiative({ id: '2', name: 'Épicerie', commune: 'Amiens' }),
      makeInitiative({ id: '3', name: 'garage Solidaire', commune: 'Amiens' }),
      makeInitiative({ id: '4', name: 'Atelier', commune: 'Arras' }),
    ];
    const index = new InitiativeIndex(initiatives);
    expect([...index.nameOrder].map((position) => initiatives[position]!.id)).toEqual(['4', '2', '3', '1']);
    expect([...index.communeOrder].map((position) => initiatives[position]!.id)).toEqual(['2', '3', '4', '1']);
  });

  it('keeps the pre-sorted order for a filtered subset', () => {
    const initiatives = generateInitiatives(500);
    const index = new InitiativeIndex(initiatives);
    const kept = applyFilters(index, { ...EMPTY_FILTERS, themes: ['mobilite'] }).indices;
    const ordered = [...orderIndices(index.communeOrder, kept, index.size)];
    expect(ordered.sort((a, b) => a - b)).toEqual(kept);
    const communes = [...orderIndices(index.communeOrder, kept, index.size)].map((position) => initiatives[position]!.commune);
    const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
    expect(communes).toEqual([...communes].sort(collator.compare));
  });

  it('tells what lies in the map bounds, a box crossing the antimeridian included', () => {
    expect(isInBounds(5, 48, [4, 47, 6, 49])).toBe(true);
    expect(isInBounds(10, 48, [4, 47, 6, 49])).toBe(false);
    expect(isInBounds(5, 50, [4, 47, 6, 49])).toBe(false);
    // From New Caledonia eastwards to Wallis: west 160, east -170.
    expect(isInBounds(179, -20, [160, -30, -170, -10])).toBe(true);
    expect(isInBounds(-175, -20, [160, -30, -170, -10])).toBe(true);
    expect(isInBounds(0, -20, [160, -30, -170, -10])).toBe(false);
  });
});
