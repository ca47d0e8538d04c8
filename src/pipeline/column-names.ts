/** How the pipeline reads a header; defined by the pure core (core/table-run.ts), also used for the density grid. */
export { normalizeColumnName } from './core/table-run';
