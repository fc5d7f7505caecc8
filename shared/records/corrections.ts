import type { FieldError } from '../errors/appError';
import { kindDefinitions, type RecordKind } from './kinds';

/** The longest reason a correction keeps: a sentence or two, never a document. */
export const maxCorrectionReasonLength = 500;

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

/**
 * What is wrong with the reason of a correction, or null: none given
 * (`record.correction_reason_required`, blank counts as none), or one longer than
 * `maxCorrectionReasonLength` once trimmed (`record.correction_reason_too_long`,
 * params.max) — every desk keeps it in the record's history. A step's reason is its
 * case event's (bounded there).
 */
export function correctionReasonIssue(
  kind: RecordKind,
  op: 'create' | 'update' | 'delete' | 'transition',
  reason: string | null | undefined,
): FieldError | null {
  if (!correctionNeedsReason(kind, op)) return null;
  const text = reason?.trim() ?? '';
  if (!text) {
    return { path: 'reason', code: 'record.correction_reason_required' };
  }
  if (text.length > maxCorrectionReasonLength) {
    return {
      path: 'reason',
      code: 'record.correction_reason_too_long',
      params: { max: maxCorrectionReasonLength },
    };
  }
  return null;
}

/**
 * Whether a record of the kind may be deleted: never one that keeps revisions (it is
 * corrected, or retired by a correction, with its reason, so its history stays; a delete
 * would erase it from every desk with no reason shown). Append-only kinds are never
 * changed at all (the write path and HQ's commit refuse them on their own).
 */
export function isDeletable(kind: RecordKind): boolean {
  return !kindDefinitions[kind].keepsRevisions;
}
