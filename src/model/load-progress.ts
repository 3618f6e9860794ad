/** How far a load has come: what the progress line shows while the explorer fills in. */
export interface LoadProgress {
  bytesRead: number;
  /** Null when an input's size is unknown (stdin). */
  bytesTotal: number | null;
  events: number;
  problemCount: number;
  done: boolean;
  startedAt: number;
  finishedAt: number | null;
  /** What a live source is doing (which table, how far, waiting out throttling), while it loads. */
  detail?: string;
}
