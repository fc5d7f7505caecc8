import type { Generated } from 'kysely';

/**
 * HQ's tables, the same on SQLite and PostgreSQL. JSON is stored as text so one set
 * of migrations serves both.
 */
export interface HqTables {
  offices: {
    id: string;
    name: string;
    created_at: string;
    /** HQ's own count of packages it wrote for the office (return files, exports). */
    package_number: Generated<number>;
  };
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
    /** The device's package signing key (SPKI, base64); null: enrolled before packages. */
    public_key: string | null;
    /** The device's package encryption key (SPKI, base64): return files are sealed for it. */
    encryption_key: Generated<string | null>;
    enrolled_at: string;
    /** Highest per-device sequence number applied: ops apply strictly in order. */
    last_seq: number;
    revoked: number;
    /** Highest package number imported from this device (0: none). */
    package_number: Generated<number>;
    /**
     * What HQ knows the device holds of its streams: the cursor of its latest pull
     * request or imported package. An export for the office starts at the lowest.
     */
    cursor_office: Generated<number>;
    cursor_reference: Generated<number>;
    /** When HQ last heard from the desk (migration 0011), and how: push, pull, package. */
    last_contact_at: Generated<string | null>;
    last_contact_via: Generated<'push' | 'pull' | 'package' | null>;
    /** The desk's own last report (a pull's `report`): for display only, never trusted. */
    reported_at: Generated<string | null>;
    reported_queued: Generated<number | null>;
    reported_conflicts: Generated<number | null>;
    /** The desk's access-chain key (first presented, never replaced) and HQ's head of it. */
    chain_key: Generated<string | null>;
    chain_seq: Generated<number | null>;
    chain_seal: Generated<string | null>;
  };
  /** Breaks HQ found in a desk's access chain (migration 0012). */
  access_chain_breaks: {
    id: string;
    office_id: string;
    device_id: string;
    kind: string;
    seq: number;
    missing_from: number | null;
    missing_to: number | null;
    found_at: string;
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
  /** HQ's own hybrid logical clock and package keys (hq/src/store/hqKeys.ts). */
  hq_meta: { key: string; value: string };
  /** Every sync package HQ imported ('in', from a device) or wrote ('out', for an office). */
  packages: {
    package_id: string;
    direction: 'in' | 'out';
    office_id: string;
    device_id: string | null;
    number: number;
    /** JSON: the package's manifest. */
    manifest: string;
    file_name: string;
    at: string;
    /** JSON: what the import did, or what the written package carries. */
    summary: string;
  };
  /** County staff who sign in to the console (issue #14). */
  console_users: {
    id: string;
    username: string;
    display_name: string;
    role: 'reviewer' | 'admin' | 'viewer';
    /** argon2id (PHC string): the password itself is never stored. */
    password_hash: string;
    disabled: Generated<number>;
    /** Wrong passwords since the last good one; at the limit the account locks. */
    failed_attempts: Generated<number>;
    locked_until: string | null;
    created_at: string;
    created_by: string;
    updated_at: string;
  };
  /** Console sessions: the cookie carries the id, the table only its SHA-256. */
  console_sessions: {
    id_hash: string;
    user_id: string;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
  };
  /** Every console action: sign-ins (also failed), user changes, decisions, reveals. */
  console_audit: {
    id: string;
    at: string;
    /** Null for an attempt under a name HQ does not know. */
    user_id: string | null;
    username: string;
    action: string;
    target: string;
    /** 'ok', or the error code that refused it. */
    result: string;
    /** JSON: what else is worth keeping (never a password). */
    detail: string;
  };
  /** 抽查 draws: who drew a sample of township-confirmed cases, when, at what share. */
  spot_checks: {
    id: string;
    drawn_at: string;
    drawn_by: string;
    /** The configured share (HQ_SPOT_CHECK_PERCENT) at the time of the draw. */
    percent: number;
    /** How many township-confirmed cases there were to draw from. */
    population: number;
  };
  /** The cases each draw took. */
  spot_check_cases: { check_id: string; case_id: string; office_id: string };
  /** Who published each reference change HQ made (`seq` in the 'reference' stream). */
  reference_publishers: {
    seq: number;
    kind: string;
    record_id: string;
    published_by: string;
    published_at: string;
  };
}
