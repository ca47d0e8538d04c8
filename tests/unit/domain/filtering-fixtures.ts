import type { Initiative } from '../../../src/domain/initiative';
import { THEME_IDS, type ThemeId } from '../../../src/domain/themes';
import { TERRITORY_IDS } from '../../../src/domain/territories';
import { anInitiative } from '../../support/builders';

export function makeInitiative(overrides: Partial<Initiative> & { id: string }): Initiative {
  return anInitiative({
    name: overrides.id,
    themes: ['alimentation'],
    territory: 'urbain',
    commune: 'Chaumont',
    insee: '52121',
    department: '52',
    description: '',
    source: '',
    website: '',
    legalForm: '',
    longitude: 5.14,
    latitude: 48.11,
    approximate: false,
    ...overrides,
  });
}

const DEPARTMENT_SAMPLE = ['01', '2A', '52', '62', '75', '971', '976'];
const WORDS = ['café', 'Saint-Julien', 'recyclerie', 'vélo', 'épicerie', 'jardin', 'St Pierre', 'Œuvre', 'solidaire'];

/** Deterministic pseudo-random dataset (a small LCG, so failures reproduce). */
export function generateInitiatives(count: number, seed = 7): Initiative[] {
  let state = seed >>> 0;
  const next = (modulo: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % modulo;
  };
  const initiatives: Initiative[] = [];
  for (let position = 0; position < count; position += 1) {
    const themes = new Set<ThemeId>();
    const themeCount = 1 + next(3);
    while (themes.size < themeCount) themes.add(THEME_IDS[next(THEME_IDS.length)] as ThemeId);
    initiatives.push(makeInitiative({
      id: `initiative-${position}`,
      name: `${WORDS[next(WORDS.length)]} ${position}`,
      themes: [...themes],
      territory: TERRITORY_IDS[next(TERRITORY_IDS.length)] as Initiative['territory'],
      department: DEPARTMENT_SAMPLE[next(DEPARTMENT_SAMPLE.length)] as string,
      commune: `Commune ${next(50)}`,
      description: next(2) === 0 ? `Un lieu ${WORDS[next(WORDS.length)]}` : '',
      longitude: -5 + next(1300) / 100,
      latitude: 41 + next(1000) / 100,
    }));
  }
  return initiatives;
}
