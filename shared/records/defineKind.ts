import type { z } from 'zod';
import type { FieldError } from '../errors/appError';

/**
 * Where a kind's changes go:
 * - 'office': the office's own records; every change is queued for HQ.
 * - 'reference': published by HQ and pulled; local edits (sample values) are not pushed.
 * - 'local': never leaves the device (accounts with password hashes).
 */
export type SyncScope = 'office' | 'reference' | 'local';

export interface KindDefinition<T> {
  schema: z.ZodType<T, unknown>;
  scope: SyncScope;
  /** Append-only kinds refuse updates and deletes (history is never rewritten). */
  appendOnly: boolean;
  /** Fills fields computed from others (search tokens) before validation. */
  derive: (data: T) => T;
  /** Rules beyond the schema that need only the record itself and today's date. */
  domainIssues: (data: T, today: string) => FieldError[];
  /**
   * Records that are never overwritten: every update is a correction that needs a
   * reason, and the write path keeps the superseded version (revisions table).
   */
  keepsRevisions: boolean;
  /**
   * One record per office under a fixed id (the settings), which every desk's first run
   * creates: a second create of it is an edit made from nothing. Every other kind's ids
   * are UUIDv7, so a create of a record that exists takes over another's record.
   */
  fixedId?: true;
}

export const noDomainIssues = (): FieldError[] => [];
export const derivesNothing = <T>(data: T): T => data;

/** Keeps each schema's own type (for KindInput) while checking the definition's shape. */
export function defineKind<S extends z.ZodType<T, unknown>, T = z.output<S>>(
  definition: KindDefinition<T> & { schema: S },
): KindDefinition<T> & { schema: S } {
  return definition;
}
