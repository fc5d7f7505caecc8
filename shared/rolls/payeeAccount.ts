import { z } from 'zod';
import { optionalText } from '../domain/common';

/**
 * Where a person's money goes (资金发放: the subsidy account, 惠民惠农"一卡通", or any bank
 * account). Sensitive personal information: the desk shows the number masked except its
 * last four digits; only the payment roll's export carries it whole. Corrected, never
 * overwritten (keepsRevisions): a changed account keeps the one money went to before.
 *
 * Length rule (design, docs/programmes.md 发放): 12 to 25 digits — bank cards are 16–19
 * digits, passbook and rural-credit accounts up to 25; spaces or dashes typed between
 * groups are dropped before the check.
 */
export const accountNumberSchema = z
  .string()
  .max(40, 'payee.account_length')
  .transform((typed) => typed.replace(/[\s-]+/g, ''))
  .pipe(
    z
      .string()
      .regex(/^\d+$/, 'payee.account_digits')
      .min(12, 'payee.account_length')
      .max(25, 'payee.account_length'),
  );

export const payeeAccountDataSchema = z.object({
  personId: z.string().min(1),
  bankName: z.string().trim().min(2, 'payee.bank_required').max(60),
  accountNumber: accountNumberSchema,
  /** The 惠民惠农财政补贴资金"一卡通" account (the county's default for subsidies). */
  oneCard: z.boolean(),
  note: optionalText(200),
});

export type PayeeAccountData = z.infer<typeof payeeAccountDataSchema>;

/** One spelling: no spaces or dashes typed between digit groups. */
export function derivePayeeAccount(data: PayeeAccountData): PayeeAccountData {
  return { ...data, accountNumber: data.accountNumber.replace(/[\s-]+/g, '') };
}

/** The number as a screen shows it: the last four digits only (not even its length). */
export function maskAccount(accountNumber: string): string {
  return `****${accountNumber.slice(-4)}`;
}
