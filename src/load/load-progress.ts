/** Events a load reports as it goes; the CLI shows them, tests use them to interrupt a load. */
export type LoadProgress =
  | { readonly stage: 'staging'; readonly batch: number; readonly batches: number }
  | { readonly stage: 'applying'; readonly batch: number; readonly batches: number }
  | { readonly stage: 'cleanup'; readonly deletedNodes: number; readonly deletedRels: number }
  | { readonly stage: 'done' };

export type ProgressListener = (event: LoadProgress) => void | Promise<void>;
