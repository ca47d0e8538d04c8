import { useEffect, useState, type ComponentType } from 'react';
import { useAppStore } from '../state/store';
import { loadInitiatives } from '../state/load-initiatives';
import { loadSiteConfig, useSiteConfig } from '../state/site-config';
import { useUrlSync } from '../state/use-url-sync';
import { FilterPanel } from '../features/filters/FilterPanel';
import { ResultsList } from '../features/results-list/ResultsList';
import { DetailsPanel } from '../features/details/DetailsPanel';
import { ExportControls } from '../features/export/ExportControls';
import { EmbedControl } from '../features/embed/EmbedControl';
import { EmbedBar } from '../features/embed/EmbedBar';
import { EmbedFold } from '../features/embed/EmbedFold';
import { useEmbedClassName } from '../features/embed/use-embed-settings';
import { StatisticsPanel } from '../features/statistics/StatisticsPanel';
import { CommuneSearch } from '../features/commune-search/CommuneSearch';
import { SiteHeader } from './SiteHeader';
import { useEpciTableWhenFiltered } from '../state/load-epci';
import { DataNotice } from '../features/data-notice/DataNotice';
import { PrintView } from '../features/print/PrintView';

// The map library is large: kept out of the shell's bundle, but its download starts now, in
// parallel with the data, rather than after the data has been parsed.
const mapViewModule = import('../map/MapView');

/**
 * The map component once its chunk has run. Not React.lazy: a Suspense retry was committed only
 * with the next store update, so MapLibre started after the data had been parsed instead of
 * during its download (at 100,000 initiatives the map now mounts about a second earlier).
 */
function useMapView(): { Component: ComponentType | null; failed: boolean } {
  const [state, setState] = useState<{ Component: ComponentType | null; failed: boolean }>({ Component: null, failed: false });
  useEffect(() => {
    let live = true;
    mapViewModule.then(
      (module) => live && setState({ Component: module.default, failed: false }),
      () => live && setState({ Component: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export function App() {
  const status = useAppStore((state) => state.status);
  const errorMessage = useAppStore((state) => state.errorMessage);
  const embedClassName = useEmbedClassName();
  const embed = useAppStore((state) => state.embed);
  const phoneView = useAppStore((state) => state.phoneView);
  const filtersSheetOpen = useAppStore((state) => state.filtersSheetOpen);
  const { Component: MapView, failed: mapViewFailed } = useMapView();
  // The map starts on config.json's basemap: a tiny file, read long before the map library arrives.
  const configLoaded = useSiteConfig((state) => state.loaded);

  useUrlSync();
  useEpciTableWhenFiltered();
  useEffect(() => {
    // config.json may name the data (CONTRACT §8); without it, the bundled GeoJSON (its download started by the entry script, boot.ts).
    void loadSiteConfig().then((config) => loadInitiatives(config.dataUrl));
  }, []);

  return (
    <>
    <div className={`app app--view-${phoneView}${filtersSheetOpen ? ' app--filters-open' : ''} ${embedClassName}`.trim()}>
      {/* slot: embed-bar (compact chrome, embed=1 only) */}
      <EmbedBar />
      <a className="skip-link" href="#results">Aller à la liste des initiatives</a>
      <SiteHeader />
      <div className="app-body">
        <aside className="side-panel" aria-label="Filtres et résultats">
          {/* The first screen: search, filters, the count and the list filling the rest. */}
          <div className="side-panel-main">
            {/* slot: commune-search and filters (folded together in embed mode) */}
            <EmbedFold>
              <CommuneSearch />
              <FilterPanel />
            </EmbedFold>
            {/* slot: results-list */}
            <ResultsList />
            {/* slot: export */}
            <ExportControls />
            {/* slot: embed (the header holds it outside embed mode) */}
            {embed && <EmbedControl />}
          </div>
          {/* slot: statistics (below the first screen) */}
          <StatisticsPanel />
          {/* A discreet line for maintainers: invalid features left out. */}
          <DataNotice />
        </aside>
        <main className="map-area">
          {status === 'loading' && <p className="loading" aria-live="polite">Chargement des initiatives…</p>}
          {status === 'error' && (
            <div className="load-error" role="alert">
              <p>{errorMessage}</p>
              <button type="button" onClick={() => void loadInitiatives(useSiteConfig.getState().config.dataUrl)}>Réessayer</button>
            </div>
          )}
          {MapView && configLoaded ? (
            <MapView />
          ) : (
            <div className="map-loading" role={mapViewFailed ? 'alert' : undefined}>
              {mapViewFailed ? 'La carte n’a pas pu être chargée. La liste des initiatives reste utilisable.' : 'Chargement de la carte…'}
            </div>
          )}
          {/* slot: details */}
          <DetailsPanel />
        </main>
      </div>
    </div>
    {/* The page on paper (Imprimer, Ctrl+P). */}
    <PrintView />
    </>
  );
}
