import { getDeskApi } from '../platform/deskApi';

/** Offers an XLSX to the user to save; false when they cancelled the dialog. */
export async function saveXlsx(
  suggestedName: string,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  const result = await getDeskApi().saveBytesFile({
    suggestedName,
    bytes,
    filters: [{ name: 'Excel', extensions: ['xlsx'] }],
  });
  return result.saved;
}
