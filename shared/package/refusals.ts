import { AppError, type AppErrorCode } from '../errors/appError';

/**
 * Every reason a package is refused, each with its own code (field `package`), so the
 * desk and HQ's CLI can say exactly what is wrong. A refused package applies nothing.
 */
export type PackageRefusal =
  | 'package.not_a_package' // wrong magic or unreadable header
  | 'package.unsupported_version'
  | 'package.truncated' // shorter than its manifest says
  | 'package.wrong_direction' // e.g. a desk's own export imported at a desk
  | 'package.wrong_receiver' // meant for another office or another HQ
  | 'package.not_for_this_device' // the key was not wrapped for this desk
  | 'package.unknown_signer' // signed by a key this side does not know
  | 'package.bad_signature' // manifest or encryption parameters altered
  | 'package.payload_damaged' // payload bytes altered (hash or GCM tag)
  | 'package.too_large' // unpacks to more than a desk or HQ can hold
  | 'package.foreign_content' // carries ops of another device or office
  | 'package.refused_changes' // carries changes the desk may not take (sync/incomingChanges.ts)
  | 'package.duplicate' // imported before: a no-op
  | 'package.replay' // older than a package already imported
  | 'package.gap'; // earlier changes are missing

const httpCode: Record<PackageRefusal, AppErrorCode> = {
  'package.not_a_package': 'validation',
  'package.unsupported_version': 'validation',
  'package.truncated': 'validation',
  'package.wrong_direction': 'validation',
  'package.wrong_receiver': 'forbidden',
  'package.not_for_this_device': 'forbidden',
  'package.unknown_signer': 'forbidden',
  'package.bad_signature': 'forbidden',
  'package.payload_damaged': 'validation',
  'package.too_large': 'validation',
  'package.foreign_content': 'forbidden',
  'package.refused_changes': 'forbidden',
  'package.duplicate': 'duplicate',
  'package.replay': 'conflict',
  'package.gap': 'conflict',
};

export function packageRefusal(
  reason: PackageRefusal,
  message: string,
  params: Record<string, string | number> = {},
): AppError {
  return new AppError({
    code: httpCode[reason],
    message,
    fieldErrors: [{ path: 'package', code: reason, params }],
    details: { refusal: reason, ...params },
  });
}

/** The refusal code of an error, if it is a package refusal. */
export function refusalOf(error: unknown): PackageRefusal | null {
  if (!(error instanceof AppError)) return null;
  const refusal = error.details.refusal;
  return typeof refusal === 'string' && refusal in httpCode ? (refusal as PackageRefusal) : null;
}
