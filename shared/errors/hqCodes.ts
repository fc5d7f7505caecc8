import type { AppErrorCode } from './appError';
import type { PackageRefusal } from '../package/refusals';

/**
 * Every code HQ can send a desk, so the desk can word each one (HQ's `message` is
 * English for logs; a desk never shows it). A test (test/node/sync/hqCodeWords.test.ts)
 * reads hq/src and shared/ for the codes they send and fails when one is missing here or
 * has no zh-CN wording. Add a code here when HQ starts sending it.
 */

const errorCodes: Record<AppErrorCode, true> = {
  validation: true,
  duplicate: true,
  conflict: true,
  not_found: true,
  forbidden: true,
  invalid_transition: true,
  unauthenticated: true,
  unavailable: true,
  rate_limited: true,
  internal: true,
};

/** The error as a whole (AppErrorData.code). */
export const hqErrorCodes = Object.keys(errorCodes) as AppErrorCode[];

const packageRefusals: Record<PackageRefusal, true> = {
  'package.not_a_package': true,
  'package.unsupported_version': true,
  'package.truncated': true,
  'package.wrong_direction': true,
  'package.wrong_receiver': true,
  'package.not_for_this_device': true,
  'package.unknown_signer': true,
  'package.bad_signature': true,
  'package.payload_damaged': true,
  'package.too_large': true,
  'package.foreign_content': true,
  'package.refused_changes': true,
  'package.duplicate': true,
  'package.replay': true,
  'package.gap': true,
};

/**
 * Field codes HQ itself issues (hq/src): enrollment answers, refused ops and steps,
 * package refusals. Validation codes of the shared schemas and domain rules come on top
 * (the same code checks at the desk and at HQ), worded in the same dictionary.
 */
export const hqFieldCodes: readonly string[] = [
  ...(Object.keys(packageRefusals) as PackageRefusal[]),
  'package.no_recipients',
  'enroll.code_invalid',
  'enroll.office_mismatch',
  'enroll.device_taken',
  'enroll.key_invalid',
  'enroll.key_reused',
  'office.id_format',
  'office.unknown',
  'request.too_deep',
  'sync.clock_ahead',
  'sync.kind_not_writable',
  'record.exists',
  'record.delete_by_edit',
  'record.correction_reason_required',
  'record.correction_reason_too_long',
  'record.not_deletable',
  'user.last_admin',
  'case.not_deletable',
  'case.applicant_unknown',
  'case.applicant_name_not_registry',
  'case.covered_not_member',
  'case.person_in_open_case',
  'household.head_name_not_registry',
  'roll.not_deletable',
  'roll.hash_mismatch',
  'roll.lines_differ',
  'roll.unpaid_not_approved',
  'roll.unpaid_twice',
  'roll.starts_as_draft',
  'roll.locked',
  'roll.approve_role',
  'roll.approve_unchecked',
  'roll.version_taken',
  // The hostile review of issue #13 (shared rules HQ applies).
  'roll.identity_fixed',
  'roll.month_future',
  'case.applicant_fixed',
  'temporary.helped_first_fixed',
  'dynamics.successor_link_fixed',
  'dynamics.recomputation_not_paid',
  'person.duplicate_id',
  'person.not_registered',
  'person.name_not_registry',
  'delegation.hq_only',
  'actor.unknown',
  'actor.disabled',
  'actor.other_device',
  'actor.role_not_held',
  'actor.role_may_not',
  'workflow.not_a_step',
  'workflow.initial_state',
  'dynamics.recomputation_approved',
  'dynamics.approve_role',
  'dynamics.recomputation_lines_differ',
  'workflow.role_may_not',
  'workflow.opinion_required',
  'workflow.wrong_target',
  'workflow.step_repeated',
  'workflow.step_before_previous',
  'workflow.event_missing',
  'workflow.event_without_step',
  'field.required',
  'field.invalid',
  'field.invalid_option',
  'field.date',
];
