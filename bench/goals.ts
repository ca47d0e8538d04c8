/** The goals of issues 8 and 20 (CONTRACT §7) and the table the run prints against them. */

export type Metrics = Record<string, number>;

export interface Goal {
  metric: string;
  limit?: number;
  peer?: string;
  peerFactor?: number;
  label: string;
}

export const GOALS: Goal[] = [
  { metric: 'app_interactive_100k_ms', peer: 'peer_markercluster_load_100k_ms', peerFactor: 1 / 4, label: '≤ ¼ peer (issue 20)' },
  { metric: 'app_interactive_250k_ms', peer: 'peer_markercluster_load_250k_ms', peerFactor: 1 / 4, label: '≤ ¼ peer (issue 20)' },
  { metric: 'app_load_100k_ms', limit: 2500, peer: 'peer_markercluster_load_100k_ms', peerFactor: 1 / 4, label: '≤ 2500 and ≤ ¼ peer (issue 8); ≤ ½ peer (issue 20)' },
  { metric: 'filter_100k_p95_ms', limit: 100, peer: 'peer_setdata_filter_100k_p95_ms', peerFactor: 1 / 5, label: '≤ 100 and ≤ ⅕ peer' },
  { metric: 'filter_250k_p95_ms', limit: 100, peer: 'peer_setdata_filter_250k_p95_ms', peerFactor: 1 / 5, label: '≤ 100 and ≤ ⅕ peer (issue 20)' },
  { metric: 'app_heap_250k_mb', limit: 500, label: '≤ 500 (issue 20)' },
  { metric: 'pipeline_1m_ms', limit: 15000, label: '≤ 15000' },
  { metric: 'pipeline_1m_peak_mb', limit: 2000, label: '≤ 2000' },
  { metric: 'export_100k_ms', limit: 1000, label: '≤ 1000' },
  { metric: 'bundle_initial_kb', limit: 200, label: '≤ 200' },
  { metric: 'search_first_keystroke_100k_ms', limit: 200, label: '≤ 200 (issue 21)' },
  { metric: 'search_first_answer_100k_ms', label: 'diagnostic (extra): the first keystroke → the count first changes' },
  { metric: 'search_settled_keystroke_100k_ms', label: 'diagnostic (extra): typed 3 s after map idle' },
  { metric: 'phone_interactive_bundled_ms', label: 'reported (issue 20): phone, CPU 4× slower, 390×844' },
  { metric: 'phone_interactive_100k_ms', label: 'reported (issue 20): phone, CPU 4× slower, 390×844' },
  { metric: 'peer_markercluster_load_100k_ms', label: 'baseline' },
  { metric: 'peer_markercluster_load_250k_ms', label: 'baseline' },
  { metric: 'peer_setdata_filter_100k_p95_ms', label: 'baseline' },
  { metric: 'peer_setdata_filter_250k_p95_ms', label: 'baseline' },
  { metric: 'peer_setdata_load_100k_ms', label: 'baseline (extra)' },
  { metric: 'peer_setdata_load_250k_ms', label: 'baseline (extra)' },
  { metric: 'app_load_250k_ms', label: 'diagnostic (extra): map idle at 250,000' },
  { metric: 'app_interactive_100k_geojson_ms', label: 'diagnostic (extra): 100,000 from the GeoJSON alone (published without --compact)' },
  { metric: 'validate_100k_ms', label: 'diagnostic (extra)' },
  { metric: 'app_interactive_bundled_ms', label: 'diagnostic (extra): the app on the bundled data' },
  { metric: 'app_load_bundled_ms', label: 'diagnostic (extra): the app on the bundled data' },
];

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function verdictFor(goal: Goal, value: number, ratio: number | undefined): string {
  if (goal.limit === undefined && goal.peerFactor === undefined) return '';
  const withinLimit = goal.limit === undefined || value <= goal.limit;
  const withinPeer = goal.peerFactor === undefined || (ratio !== undefined && ratio <= goal.peerFactor);
  let verdict = withinLimit && withinPeer ? 'pass' : 'FAIL';
  if (goal.peerFactor !== undefined && ratio === undefined) verdict += ' (no peer)';
  return verdict;
}

/** The Markdown table printed at the end and pasted into bench/README.md. */
export function formatTable(metrics: Metrics, notes: Record<string, string>): string {
  const lines = ['| metric | value | goal | ratio vs peer | verdict |', '| --- | ---: | --- | ---: | --- |'];
  for (const goal of GOALS) {
    const value = metrics[goal.metric];
    if (value === undefined) {
      if (notes[goal.metric]) lines.push(`| ${goal.metric} | n/a | ${goal.label} | | not measured: ${notes[goal.metric]} |`);
      continue;
    }
    const peerValue = goal.peer ? metrics[goal.peer] : undefined;
    const ratio = peerValue ? value / peerValue : undefined;
    const verdict = verdictFor(goal, value, ratio);
    const ratioText = ratio === undefined ? '' : `${ratio.toFixed(2)}× (goal ≤ ${goal.peerFactor?.toFixed(2)})`;
    lines.push(`| ${goal.metric} | ${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} | ${goal.label} | ${ratioText} | ${verdict}${notes[goal.metric] ? ` — ${notes[goal.metric]}` : ''} |`);
  }
  return lines.join('\n');
}
