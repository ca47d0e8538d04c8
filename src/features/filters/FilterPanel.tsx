import { useEffect, useId, useMemo, useRef } from 'react';
import { TERRITORIES } from '../../domain/territories';
import { THEMES } from '../../domain/themes';
import { useAppStore } from '../../state/store';
import { formatInitiativeCount } from '../../domain/count-text';
import { DepartmentFilter } from './DepartmentFilter';
import { PlacePicker, type PlaceOption } from './PlacePicker';
import { REGIONS } from '../../domain/places';
import { ensureEpciTable } from '../../state/load-epci';
import { FacetChips } from './FacetChips';
import { activeFilterCount } from './active-filters';
import './filters.css';

/**
 * Text search, themes (any/all) and territory as chips with their faceted counts, départements
 * in a searchable picker. Beside the list on a wide screen; a sheet over the map on a phone.
 */
const REGION_OPTIONS: PlaceOption[] = REGIONS.map((region) => ({ code: region.code, name: region.name }));

export function FilterPanel() {
  const filters = useAppStore((state) => state.filters);
  // With the compact data file, descriptions arrive after the first screen: a search says so meanwhile.
  const searchingWithoutDescriptions = useAppStore((state) => state.detailsStatus === 'loading' && state.filters.query.trim() !== '');
  const counts = useAppStore((state) => state.facetCounts);
  const setFilters = useAppStore((state) => state.setFilters);
  const resetFilters = useAppStore((state) => state.resetFilters);
  const sheetOpen = useAppStore((state) => state.filtersSheetOpen);
  const shown = useAppStore((state) => state.visibleIndices.length);
  const epciTable = useAppStore((state) => state.epci?.table);
  const epciOptions = useMemo<PlaceOption[]>(() => (epciTable ? epciTable.epcis.map((epci) => ({ code: epci.siren, name: epci.name })) : []), [epciTable]);
  const closeSheet = () => useAppStore.getState().setFiltersSheetOpen(false);
  const searchId = useId();
  const closeButton = useRef<HTMLButtonElement>(null);

  // The sheet takes the focus when it opens (phone), and Escape closes it.
  useEffect(() => {
    if (!sheetOpen) return undefined;
    closeButton.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) closeSheet();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [sheetOpen]);

  return (
    <section className={`filter-panel${sheetOpen ? ' filter-panel--open' : ''}`} aria-labelledby={`${searchId}-title`}>
      <div className="filter-sheet-header">
        <h2 id={`${searchId}-title`} className="filter-panel-title">Filtres</h2>
        <button ref={closeButton} type="button" className="filter-sheet-close" onClick={closeSheet}>
          Fermer<span aria-hidden="true"> ×</span>
        </button>
      </div>
      <div className="filter-search">
        <label htmlFor={searchId}>Rechercher une initiative</label>
        <input
          id={searchId}
          type="search"
          placeholder="Nom, commune, description…"
          value={filters.query}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setFilters({ query: event.target.value })}
        />
        {searchingWithoutDescriptions && <p className="filter-search-pending">Descriptions en cours de chargement : la recherche porte pour l’instant sur les noms et les communes.</p>}
      </div>

      <fieldset className="filter-group">
        <legend>Thématiques</legend>
        <fieldset className="filter-match">
          <legend className="visually-hidden">Initiatives ayant</legend>
          <label>
            <input type="radio" name={`${searchId}-match`} value="any" checked={filters.match === 'any'} onChange={() => setFilters({ match: 'any' })} />
            un des thèmes<span className="visually-hidden"> cochés</span>
          </label>
          <label>
            <input type="radio" name={`${searchId}-match`} value="all" checked={filters.match === 'all'} onChange={() => setFilters({ match: 'all' })} />
            tous les thèmes<span className="visually-hidden"> cochés</span>
          </label>
        </fieldset>
        <FacetChips options={THEMES} counts={counts.themes} selected={filters.themes} onChange={(themes) => setFilters({ themes })} />
      </fieldset>

      <fieldset className="filter-group filter-group--inline">
        <legend>Territoire</legend>
        <FacetChips options={TERRITORIES} counts={counts.territories} selected={filters.territories} onChange={(territories) => setFilters({ territories })} />
      </fieldset>

      <PlacePicker
        legend="Régions"
        summary="Choisir des régions"
        options={REGION_OPTIONS}
        counts={counts.regions}
        selected={filters.regions}
        onChange={(regions) => setFilters({ regions })}
      />
      <DepartmentFilter selected={filters.departments} counts={counts.departments} onChange={(departments) => setFilters({ departments })} />
      <PlacePicker
        legend="Intercommunalités"
        summary="Choisir des EPCI"
        options={epciOptions}
        counts={counts.epcis}
        selected={filters.epcis}
        onChange={(epcis) => setFilters({ epcis })}
        onOpen={() => void ensureEpciTable()}
        emptyText="Chargement des intercommunalités…"
      />

      <div className="filter-actions">
        <button type="button" className="filter-reset" onClick={resetFilters} disabled={activeFilterCount(filters) === 0}>
          Réinitialiser
        </button>
        <button type="button" className="button-primary filter-sheet-done" onClick={closeSheet}>
          Voir {formatInitiativeCount(shown)}
        </button>
      </div>
    </section>
  );
}
