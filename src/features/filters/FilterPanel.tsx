import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { DEPARTMENTS, getDepartment } from '../../domain/departments';
import { groupDepartmentsByRegion } from '../../domain/facets';
import { TERRITORIES, type TerritoryId } from '../../domain/territories';
import { THEMES, type ThemeId } from '../../domain/themes';
import { useAppStore } from '../../state/store';
import './filters.css';

const numberFormat = new Intl.NumberFormat('fr-FR');

function OptionCount({ value }: { value: number }) {
  return (
    <span className="filter-option-count">
      {numberFormat.format(value)}
      <span className="visually-hidden"> initiative{value > 1 ? 's' : ''}</span>
    </span>
  );
}

function toggled<T>(values: readonly T[], value: T, on: boolean): T[] {
  return on ? [...values.filter((candidate) => candidate !== value), value] : values.filter((candidate) => candidate !== value);
}

/** Text search, themes (any/all), territory and départements, each option with its faceted count. */
export function FilterPanel() {
  const filters = useAppStore((state) => state.filters);
  const counts = useAppStore((state) => state.facetCounts);
  const setFilters = useAppStore((state) => state.setFilters);
  const resetFilters = useAppStore((state) => state.resetFilters);
  const searchId = useId();

  const onTheme = (id: ThemeId) => (event: ChangeEvent<HTMLInputElement>) =>
    setFilters({ themes: toggled(filters.themes, id, event.target.checked) });
  const onTerritory = (id: TerritoryId) => (event: ChangeEvent<HTMLInputElement>) =>
    setFilters({ territories: toggled(filters.territories, id, event.target.checked) });

  const active = filters.themes.length + filters.territories.length + filters.departments.length > 0 || filters.query !== '' || filters.match !== 'any';

  return (
    <section className="filter-panel" aria-labelledby={`${searchId}-title`}>
      <h2 id={`${searchId}-title`} className="filter-panel-title">Filtres</h2>
      <div className="filter-search">
        <label htmlFor={searchId}>Rechercher une initiative (nom, commune, description)</label>
        <input
          id={searchId}
          type="search"
          value={filters.query}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setFilters({ query: event.target.value })}
        />
      </div>

      <fieldset className="filter-group">
        <legend>Thématiques</legend>
        <fieldset className="filter-match">
          <legend>Initiatives ayant</legend>
          <label>
            <input type="radio" name={`${searchId}-match`} value="any" checked={filters.match === 'any'} onChange={() => setFilters({ match: 'any' })} />
            au moins un des thèmes cochés
          </label>
          <label>
            <input type="radio" name={`${searchId}-match`} value="all" checked={filters.match === 'all'} onChange={() => setFilters({ match: 'all' })} />
            tous les thèmes cochés
          </label>
        </fieldset>
        <ul className="filter-options">
          {THEMES.map((theme, slot) => (
            <li key={theme.id}>
              <label className="filter-option">
                <input type="checkbox" checked={filters.themes.includes(theme.id)} onChange={onTheme(theme.id)} />
                <span className="theme-badge" style={{ backgroundColor: theme.color }} aria-hidden="true">{theme.symbol}</span>
                <span className="filter-option-label">{theme.label}</span>
                <OptionCount value={counts.themes[slot] ?? 0} />
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset className="filter-group">
        <legend>Territoire</legend>
        <ul className="filter-options">
          {TERRITORIES.map((territory, slot) => (
            <li key={territory.id}>
              <label className="filter-option">
                <input type="checkbox" checked={filters.territories.includes(territory.id)} onChange={onTerritory(territory.id)} />
                <span className="filter-option-label">{territory.label}</span>
                <OptionCount value={counts.territories[slot] ?? 0} />
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <DepartmentFilter selected={filters.departments} counts={counts.departments} onChange={(departments) => setFilters({ departments })} />

      <button type="button" className="filter-reset" onClick={resetFilters} disabled={!active}>
        Réinitialiser
      </button>
    </section>
  );
}

interface DepartmentFilterProps {
  selected: readonly string[];
  counts: readonly number[];
  onChange: (departments: string[]) => void;
}

/** Départements: chosen ones as removable chips, the others in a searchable list grouped by région. */
function DepartmentFilter({ selected, counts, onChange }: DepartmentFilterProps) {
  const [open, setOpen] = useState(false);
  const [filterText, setFilterText] = useState('');
  const filterId = useId();
  const groups = useMemo(() => (open ? groupDepartmentsByRegion(filterText) : []), [open, filterText]);
  const selectedSet = new Set(selected);
  const slotOf = useMemo(() => new Map(DEPARTMENTS.map((department, slot) => [department.code, slot])), []);

  return (
    <fieldset className="filter-group">
      <legend>Départements</legend>
      {selected.length > 0 && (
        <ul className="department-chips" aria-label="Départements choisis">
          {selected.map((code) => {
            const department = getDepartment(code);
            const name = department ? `${code} ${department.name}` : code;
            return (
              <li key={code}>
                <button type="button" className="department-chip" onClick={() => onChange(selected.filter((candidate) => candidate !== code))}>
                  <span className="visually-hidden">Retirer </span>{name}
                  <span aria-hidden="true"> ×</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <details className="department-picker" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          Choisir des départements{selected.length > 0 ? ` (${selected.length} choisi${selected.length > 1 ? 's' : ''})` : ''}
        </summary>
        {open && (
          <div className="department-picker-body">
            <label htmlFor={filterId}>Filtrer par nom, numéro ou région</label>
            <input id={filterId} type="search" value={filterText} autoComplete="off" onChange={(event) => setFilterText(event.target.value)} />
            {groups.length === 0 && <p className="department-none">Aucun département ne correspond.</p>}
            {groups.map((group) => (
              <fieldset key={group.regionCode} className="department-region">
                <legend>{group.regionName}</legend>
                <ul className="filter-options">
                  {group.departments.map(({ department }) => (
                    <li key={department.code}>
                      <label className="filter-option">
                        <input
                          type="checkbox"
                          checked={selectedSet.has(department.code)}
                          onChange={(event) => onChange(toggled(selected, department.code, event.target.checked))}
                        />
                        <span className="filter-option-label">{department.code} {department.name}</span>
                        <OptionCount value={counts[slotOf.get(department.code) ?? -1] ?? 0} />
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ))}
          </div>
        )}
      </details>
    </fieldset>
  );
}
