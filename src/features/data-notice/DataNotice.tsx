import { ignoredNotice, useAppStore } from '../../state/store';
import './data-notice.css';

/**
 * A discreet line for the people who maintain the data: how many features of the published
 * file were left out as invalid (their first reasons are in the console).
 */
export function DataNotice() {
  const ignoredCount = useAppStore((state) => (state.status === 'ready' ? state.ignoredCount : 0));
  if (ignoredCount === 0) return null;
  return (
    <p className="data-notice">
      {ignoredNotice(ignoredCount)} <span className="data-notice-hint">(détail dans la console du navigateur)</span>
    </p>
  );
}
