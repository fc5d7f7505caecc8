/**
 * HQ's tables, the same on SQLite and PostgreSQL. JSON is stored as text so one set
 * of migrations serves both.
 */
export interface HqTables {
  offices: { id: string; name: string; created_at: string };
  /** Gap-free change counters: 'office:<id>' per office, and 'reference'. */
  streams: { id: string; seq: number };
  enrollment_codes: {
    code_hash: string;
    office_id: string;
    created_at: string;
    expires_at: string;
    used_at: string | null;
  };
  devices: {
    id: string;
    office_id: string;
    name: string;
    token_hash: string;
    public_key: string | null;
    enrolled_at: string;
    /** Highest per-device sequence number applied: ops apply strictly in order. */
    last_seq: number;
    revoked: number;
  };
  /**
   * Current state of every record, keyed (office_id, kind, id): fixed ids (each office's
   * settings) repeat across offices. office_id is 'reference' for shared data.
   */
  records: {
    kind: string;
    id: string;
    office_id: string;
    version: number;
    hlc: string;
    deleted: number;
    /** JSON: the record's data fields. */
    data: string;
    /** JSON: per field, who last changed it, at which version and clock. */
    field_meta: string;
    created_at: string;
    created_by: string;
    updated_at: string;
    updated_by: string;
  };
  /** The change log desks pull from: one row per record state, per stream. */
  changes: {
    stream: string;
    seq: number;
    kind: string;
    record_id: string;
    /** JSON: the whole record as it was after this change. */
    snapshot: string;
    op_id: string | null;
    /** Why this version replaced the one before (a correction's reason), if given. */
    reason: string | null;
    created_at: string;
  };
  /** Every op HQ has seen, with the result it gave: a repeated op gets the same answer. */
  applied_ops: {
    op_id: string;
    device_id: string;
    seq: number;
    result: string;
    applied_at: string;
  };
  /** HQ's own hybrid logical clock, for changes made at HQ (county decisions). */
  hq_meta: { key: string; value: string };
}
