/** What a pipeline run says (the `--report` file, docs/pipeline.md); defined by the pure core, shared with the publish page. */
export type { PipelineReport, PipelineWarning, RejectedRow } from './core/table-run';
