/** What a pipeline run says (the `--report` file, docs/pipeline.md). */
import type { TextEncodingName } from './csv-reader';

export interface RejectedRow {
  line: number;
  column: string;
  reason: string;
  id?: string;
}

export interface PipelineWarning {
  line: number;
  column: string;
  message: string;
  id?: string;
}

export interface PipelineReport {
  input: string;
  encoding: TextEncodingName;
  delimiter: string;
  rowsRead: number;
  rowsWritten: number;
  rowsRejected: number;
  rejected: RejectedRow[];
  warnings: PipelineWarning[];
}
