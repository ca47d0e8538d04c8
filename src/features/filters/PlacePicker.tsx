import { useId, useMemo, useState } from 'react';
import { foldText } from '../../domain/text-folding';
import { OptionCount, toggled } from './FacetChips';

export interface PlaceOption {
  code: string;
  name: string;
}

interface PlacePickerProps {
  legend: string;
  /** « Choisir des régions », shown on the disclosure. */
  summary: string;
  options: readonly PlaceOption[];
  /** Aligned with `options`. */
  counts: readonly number[];
  selected: readonly string[];
  onChange: (codes: string[]) => void;
  /** Called when the picker opens (the EPCI table loads then). */
  onOpen?: () => void;
  /** Shown while `options` is empty (not loaded yet). */
  emptyText?: string;
}

/** Longest list drawn at once: 1,255 EPCI would be a slow wall; the search narrows it. */
const MAX_SHOWN = 60;

/** A searchable list of places (régions, EPCI) as checkboxes with counts; chosen ones as removable chips. */
export function PlacePicker({ legend, summary, options, counts, selected, onChange, onOpen, emptyText }: PlacePickerProps) {
  const [open, setOpen] = useState(false);
  const [filterText, setFilterText] = useState('');
  const filterId = useId();
  const nameOf = useMemo(() => new Map(options.map((option) => [option.code, option.name])), [options]);
  const shown = useMemo(() => {
    if (!open) return [];
    const words = foldText(filterText).split(' ').filter(Boolean);
    const matching = options
      .map((option, slot) => ({ option, count: counts[slot] ?? 0, text: ` ${foldText(`${option.name} ${option.code}`)}` }))
      .filter((entry) => words.every((word) => entry.text.includes(` ${word}`)));
    // Places with initiatives first: that is what a reader looks for.
    return matching.sort((left, right) => Number(right.count > 0) - Number(left.count > 0)).slice(0, MAX_SHOWN);
  }, [open, filterText, options, counts]);

  return (
    <fieldset className="filter-group filter-group--inline">
      <legend>{legend}</legend>
      {selected.length > 0 && (
        <ul className="removable-chips" aria-label={`${legend} choisis`}>
          {selected.map((code) => (
            <li key={code}>
              <button type="button" className="removable-chip" onClick={() => onChange(selected.filter((candidate) => candidate !== code))}>
                <span className="visually-hidden">Retirer </span>{nameOf.get(code) ?? code}
                <span aria-hidden="true"> ×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <details
        className="picker"
        open={open}
        onToggle={(event) => {
          setOpen(event.currentTarget.open);
          if (event.currentTarget.open) onOpen?.();
        }}
      >
        <summary>{summary}{selected.length > 0 ? ` (${selected.length})` : ''}</summary>
        {open && (
          <div className="picker-body">
            <label htmlFor={filterId}>Filtrer par nom ou code</label>
            <input id={filterId} type="search" value={filterText} autoComplete="off" onChange={(event) => setFilterText(event.target.value)} />
            {options.length === 0 && <p className="picker-none">{emptyText ?? 'Chargement…'}</p>}
            {options.length > 0 && shown.length === 0 && <p className="picker-none">Aucun résultat.</p>}
            <ul className="filter-options">
              {shown.map(({ option, count }) => (
                <li key={option.code}>
                  <label className="filter-option">
                    <input type="checkbox" checked={selected.includes(option.code)} onChange={(event) => onChange(toggled(selected, option.code, event.target.checked))} />
                    <span className="filter-option-label">{option.name}</span>
                    <OptionCount value={count} />
                  </label>
                </li>
              ))}
            </ul>
          </div>
        )}
      </details>
    </fieldset>
  );
}
