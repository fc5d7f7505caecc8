/**
 * One 读卡 from the renderer: through the platform's DeskApi (the IPC contract in
 * Electron; the browser build refuses), the reading checked once more as it arrives,
 * and any failure worded for the user from its `details.reason` (electron/idCard/reader.ts).
 */
import { AppError, toAppErrorData } from '@shared/errors/appError';
import { idCardReadingSchema, type IdCardReading } from '@shared/identity/idCardReading';
import type { DeskApi } from '@shared/ipc/contract';
import { isMessageKey } from '../i18n/translate';
import type { MessageKey } from '../i18n/messages';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export async function readCard(
  api: Pick<DeskApi, 'readIdCard'>,
  url: string,
): Promise<IdCardReading> {
  const checked = idCardReadingSchema.safeParse(await api.readIdCard({ url }));
  if (checked.success) return checked.data;
  throw new AppError({
    code: 'validation',
    message: 'The reading that reached the renderer failed its checks.',
    fieldErrors: checked.error.issues.map((issue) => ({
      path: `data.${issue.path.map(String).join('.')}`,
      code: 'idCard.field.invalid',
    })),
    details: { reason: 'answer_invalid' },
  });
}

/** The sentence for a failed read, naming the refused fields when there are some. */
export function readErrorMessage(t: Translate, thrown: unknown): string {
  const error = toAppErrorData(thrown);
  const reason = error.details?.reason;
  // A refused address comes back as the settings field's own error.
  const addressCode = error.fieldErrors?.find((e) => e.path === 'readerUrl')?.code;
  if (addressCode && isMessageKey(addressCode)) return t(addressCode);
  const key = `idCard.error.${String(reason)}`;
  if (!isMessageKey(key)) return t('idCard.error.other');
  const fields = (error.fieldErrors ?? [])
    .map((e) => e.path.replace(/^data\./, '').split('.')[0] ?? '')
    .map((field) => {
      const label = `idCard.field.${field}`;
      return isMessageKey(label) ? t(label) : field;
    });
  return t(key, { fields: [...new Set(fields)].join('、') });
}
