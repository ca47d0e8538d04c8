import type { ChangeEvent } from 'react';

const numberFormat = new Intl.NumberFormat('fr-FR');

/** An option's faceted count: the digits shown, « initiatives » read by screen readers. */
export function OptionCount({ value }: { value: number }) {
  return (
    <span className="filter-option-count">
      {numberFormat.format(value)}
      <span className="visually-hidden"> initiative{value > 1 ? 's' : ''}</span>
    </span>
  );
}

export function toggled<T>(values: readonly T[], value: T, on: boolean): T[] {
  return on ? [...values.filter((candidate) => candidate !== value), value] : values.filter((candidate) => candidate !== value);
}

export interface ChipOption<Id extends string> {
  id: Id;
  /** The whole label: the checkbox's accessible name starts with it. */
  label: string;
  /** What the chip shows when space is short; must be the label's beginning (label in name). */
  shortLabel?: string;
  /** The theme colour (src/domain/themes.ts), with its letter: the chip's symbol. */
  color?: string;
  symbol?: string;
}

interface FacetChipsProps<Id extends string> {
  options: readonly ChipOption<Id>[];
  counts: readonly number[];
  selected: readonly Id[];
  onChange: (selected: Id[]) => void;
}

/**
 * Options as toggle chips: each is a real checkbox stretched over the chip, so its name, state
 * and hit area (the whole chip, at least 32 px high) are those a check and a finger find.
 */
export function FacetChips<Id extends string>({ options, counts, selected, onChange }: FacetChipsProps<Id>) {
  const onToggle = (id: Id) => (event: ChangeEvent<HTMLInputElement>) => onChange(toggled(selected, id, event.target.checked));
  return (
    <ul className="chips">
      {options.map((option, slot) => {
        const checked = selected.includes(option.id);
        const short = option.shortLabel && option.label.startsWith(option.shortLabel) ? option.shortLabel : option.label;
        return (
          <li key={option.id}>
            <label className={`chip${checked ? ' chip--on' : ''}`} title={option.label} style={option.color ? { ['--chip-color' as string]: option.color } : undefined}>
              <input type="checkbox" className="chip-input" checked={checked} onChange={onToggle(option.id)} />
              {option.symbol && <span className="chip-symbol" style={{ backgroundColor: option.color }} aria-hidden="true">{option.symbol}</span>}
              <span className="chip-label">
                {short}
                {/* The rest of the label, for the name only; the space stays outside (names trim their parts). */}
                {short !== option.label && <>{' '}<span className="visually-hidden">{option.label.slice(short.length).trim()}</span></>}
              </span>
              <OptionCount value={counts[slot] ?? 0} />
            </label>
          </li>
        );
      })}
    </ul>
  );
}
