import { kindDefinitions, type RecordKind } from './kinds';

/**
 * A record that keeps revisions is corrected, never overwritten: every plain update of
 * it names its reason, which every desk's history then shows. A workflow step (a
 * 'transition' op) is not a correction: its opinion lives in its case event. The desk's
 * write path and HQ ask this same question.
 */
export function correctionNeedsReason(
  kind: RecordKind,
  op: 'create' | 'update' | 'delete' | 'transition',
): boolean {
  return kindDefinitions[kind].keepsRevisions && op === 'update';
}
