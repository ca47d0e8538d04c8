import { useEffect, useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { communeLabel, searchCommunes, type Commune, type CommuneIndex, type CommuneMatch } from '../../domain/commune-search';
import { useAppStore } from '../../state/store';
import { suggestionsHint, type CommuneListState } from './suggestions-hint';

const MAX_SUGGESTIONS = 10;

/** The id of a suggestion's element, which aria-activedescendant points to. */
export function suggestionId(baseId: string, position: number): string {
  return `${baseId}-option-${position}`;
}

/** The commune list, loaded on first use (focus or typing) and again after a failure. */
function useCommuneList(loadIndex: () => Promise<CommuneIndex>) {
  const [index, setIndex] = useState<CommuneIndex | null>(null);
  const [listState, setListState] = useState<CommuneListState>('idle');
  const ensureLoaded = () => {
    if (listState === 'loading' || listState === 'ready') return;
    setListState('loading');
    loadIndex().then(
      (loaded) => {
        setIndex(loaded);
        setListState('ready');
      },
      () => setListState('error'),
    );
  };
  return { index, listState, ensureLoaded };
}

interface CommuneComboboxOptions {
  /** Prefix of the suggestions' element ids (useId of the owner). */
  baseId: string;
  loadIndex: () => Promise<CommuneIndex>;
  /** A commune was chosen, by Enter or a click; the field already shows its label. */
  onChoose: (commune: Commune, label: string) => void;
}

/**
 * The state and keys of the commune combobox, following the ARIA 1.2 combobox pattern (list
 * autocomplete): the typed text, the suggestions, the highlighted one, and what the field
 * says about them. Kept apart from the component so its markup reads in one screen.
 */
export function useCommuneCombobox({ baseId, loadIndex, onChoose }: CommuneComboboxOptions) {
  const origin = useAppStore((state) => state.origin);
  const { index, listState, ensureLoaded } = useCommuneList(loadIndex);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const chosenLabel = useRef<string | null>(null);

  const matches: CommuneMatch[] = useMemo(() => (index ? searchCommunes(index, query, MAX_SUGGESTIONS) : []), [index, query]);
  const expanded = open && matches.length > 0;

  // When something else clears the starting point, the field stops showing the old commune.
  useEffect(() => {
    if (origin === null) setQuery((current) => (current === chosenLabel.current ? '' : current));
  }, [origin]);

  useEffect(() => {
    if (!expanded || active < 0) return;
    // Long suggestion lists scroll: keep the highlighted commune in sight.
    document.getElementById(suggestionId(baseId, active))?.scrollIntoView?.({ block: 'nearest' });
  }, [expanded, active, baseId]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const choose = (match: CommuneMatch) => {
    const label = communeLabel(match.commune);
    chosenLabel.current = label;
    setQuery(label);
    close();
    onChoose(match.commune, label);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = matches.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        event.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActive(event.altKey ? -1 : 0);
        } else {
          setActive((current) => (current + 1) % count);
        }
        return;
      case 'ArrowUp':
        if (count === 0) return;
        event.preventDefault();
        setOpen(true);
        setActive((current) => (!expanded || current <= 0 ? count - 1 : current - 1));
        return;
      case 'Enter': {
        if (!expanded) return;
        event.preventDefault();
        // With nothing highlighted, Enter takes the best suggestion: what people expect from a place search.
        const match = matches[active >= 0 ? active : 0];
        if (match) choose(match);
        return;
      }
      case 'Escape':
        event.preventDefault();
        if (expanded) close();
        else setQuery('');
        return;
      default:
    }
  };

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    setQuery(event.target.value);
    setOpen(event.target.value.trim().length > 0);
    setActive(-1);
    ensureLoaded();
  };

  const typing = query.trim() !== '' && open;
  return {
    matches: expanded ? matches : [],
    expanded,
    active,
    choose,
    close,
    clearText: () => setQuery(''),
    /** The hint is shown only while typing; otherwise it is read with the field only. */
    hint: { text: suggestionsHint(typing, listState, matches.length), shown: typing },
    inputProps: {
      value: query,
      'aria-expanded': expanded,
      'aria-activedescendant': expanded && active >= 0 ? suggestionId(baseId, active) : undefined,
      onFocus: ensureLoaded,
      onChange,
      onKeyDown,
      onBlur: close,
    },
  };
}
