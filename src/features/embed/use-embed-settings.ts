import { useMemo } from 'react';
import { useAppStore } from '../../state/store';
import type { EmbedFiltersPanel } from '../../domain/url-params';
import { readPageOptions } from '../../state/use-url-sync';

export interface EmbedMode {
  embed: boolean;
  filtersPanel: EmbedFiltersPanel;
}

/**
 * Whether the page runs as an iframe (`embed=1`, parsed into the store with the other URL
 * parameters) and how its filter panel looks (`filters=open`, `lock=1`: fixed for the page's life).
 */
export function useEmbedMode(): EmbedMode {
  const embed = useAppStore((state) => state.embed);
  const filtersPanel = useMemo(() => readPageOptions().filtersPanel, []);
  return { embed, filtersPanel };
}

/** Class names of the app root: the compact layout lives in embed.css. */
export function useEmbedClassName(): string {
  const { embed } = useEmbedMode();
  return embed ? 'app--embed' : '';
}
