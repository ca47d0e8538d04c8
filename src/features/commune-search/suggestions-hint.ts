/** Where the commune list is: fetched on first focus, since it weighs more than the initiatives. */
export type CommuneListState = 'idle' | 'loading' | 'ready' | 'error';

const STANDING_HINT = 'Tapez le nom ou le code INSEE d’une commune, puis choisissez-la avec les flèches et Entrée.';

/**
 * The sentence read with the field (aria-describedby, polite live region): how to use it, or,
 * once something is typed, what the suggestions are, so a screen reader hears the count.
 */
export function suggestionsHint(typing: boolean, listState: CommuneListState, suggestionCount: number): string {
  if (!typing) return STANDING_HINT;
  if (listState === 'loading') return 'Chargement de la liste des communes…';
  if (listState === 'error') return 'La liste des communes n’a pas pu être chargée. Réessayez en revenant dans le champ.';
  if (listState === 'ready' && suggestionCount === 0) return 'Aucune commune ne correspond.';
  if (suggestionCount > 0) {
    const plural = suggestionCount > 1 ? 's' : '';
    return `${suggestionCount} commune${plural} proposée${plural} : flèches haut et bas pour choisir, Entrée pour valider.`;
  }
  return STANDING_HINT;
}
