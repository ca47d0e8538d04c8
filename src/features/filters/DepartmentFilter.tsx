import { useId, useMemo, useState } from 'react';
import { DEPARTMENTS, getDepartment } from '../../domain/departments';
import { groupDepartmentsByRegion } from '../../domain/facets';
import { OptionCount, toggled } from './FacetChips';

interface DepartmentFilterProps {
  selected: readonly string[];
  counts: readonly number[];
  onChange: (departments: string[]) => void;
}

/** Départements: chosen ones as removable chips, the others in a searchable list grouped by région. */
export function DepartmentFilter({ selected, counts, onChange }: DepartmentFilterProps) {
  const [open, setOpen] = useState(false);
  const [filterText, setFilterText] = useState('');
  const filterId = useId();
  const groups = useMemo(() => (open ? groupDepartmentsByRegion(filterText) : []), [open, filterText]);
  const selectedSet = new Set(selected);
  const slotOf = useMemo(() => new Map(DEPARTMENTS.map((department, slot) => [department.code, slot])), []);

  return (
    <fieldset className="filter-group filter-group--inline">
      <legend>Départements</legend>
      {selected.length > 0 && (
        <ul className="removable-chips" aria-label="Départements choisis">
          {selected.map((code) => {
            const department = getDepartment(code);
            const name = department ? `${code} ${department.name}` : code;
            return (
              <li key={code}>
                <button type="button" className="removable-chip" onClick={() => onChange(selected.filter((candidate) => candidate !== code))}>
                  <span className="visually-hidden">Retirer </span>{name}
                  <span aria-hidden="true"> ×</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <details className="picker" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          Choisir des départements{selected.length > 0 ? ` (${selected.length} choisi${selected.length > 1 ? 's' : ''})` : ''}
        </summary>
        {open && (
          <div className="picker-body">
            <label htmlFor={filterId}>Filtrer par nom, numéro ou région</label>
            <input id={filterId} type="search" value={filterText} autoComplete="off" onChange={(event) => setFilterText(event.target.value)} />
            {groups.length === 0 && <p className="picker-none">Aucun département ne correspond.</p>}
            {groups.map((group) => (
              <fieldset key={group.regionCode} className="picker-group">
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
