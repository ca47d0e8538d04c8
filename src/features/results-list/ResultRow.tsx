import { formatDistance } from '../../domain/distance';
import { getDepartment } from '../../domain/departments';
import type { Initiative } from '../../domain/initiative';
import { getTheme } from '../../domain/themes';
import { ROW_HEIGHT } from './use-virtual-rows';

interface ResultRowProps {
  initiative: Initiative;
  /** Its place in the list, from 0. */
  position: number;
  /** How many rows the list has: drawn rows are few, so each says where it sits (aria-setsize/posinset). */
  rowCount: number;
  /** Its offset in the virtual list, in pixels. */
  top: number;
  /** Distance from the starting point, when one is chosen. */
  distanceKm: number | undefined;
  selected: boolean;
  /** Whether this row's button holds the list's one Tab stop. */
  tabbable: boolean;
  onFocus: () => void;
  onChoose: () => void;
}

/** One initiative in the list: its name as a button, and where it is and what it does in one line. */
export function ResultRow({ initiative, position, rowCount, top, distanceKm, selected, tabbable, onFocus, onChoose }: ResultRowProps) {
  const mainTheme = initiative.themes[0] ? getTheme(initiative.themes[0]) : null;
  const department = getDepartment(initiative.department);
  return (
    <li
      className={`results-item${selected ? ' results-item--selected' : ''}`}
      aria-setsize={rowCount}
      aria-posinset={position + 1}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
    >
      {mainTheme && (
        <span className="results-theme" style={{ backgroundColor: mainTheme.color }} aria-hidden="true">{mainTheme.symbol}</span>
      )}
      <div className="results-text">
        <button
          type="button"
          className="results-name"
          data-position={position}
          aria-current={selected ? 'true' : undefined}
          tabIndex={tabbable ? 0 : -1}
          onFocus={onFocus}
          onClick={onChoose}
        >
          {initiative.name}
        </button>
        <span className="results-meta">
          {initiative.commune}
          {department ? ` (${department.code} ${department.name})` : ` (${initiative.department})`}
          {mainTheme ? ` · ${mainTheme.shortLabel}` : ''}
          {distanceKm !== undefined ? ` · ${formatDistance(distanceKm)}` : ''}
        </span>
      </div>
    </li>
  );
}
