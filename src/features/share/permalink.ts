import { fullMapUrl } from '../../domain/embed-code';
import { useAppStore } from '../../state/store';

/**
 * The link of the current view: the full map (never the iframe's chrome) with the filters, the
 * selection and the camera (in the hash, read now: it moves without a render).
 */
export function currentPermalink(selectedId: string | null = useAppStore.getState().selectedId): string {
  const { filters } = useAppStore.getState();
  return fullMapUrl(window.location.href, { filters, selectedId });
}
