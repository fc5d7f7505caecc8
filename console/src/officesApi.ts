import type { AccessChainView } from '@shared/accessChain/view';
import type { AppErrorData, FieldError } from '@shared/errors/appError';
import { ConsoleApiError, api, currentCsrfToken } from './api';

/** 乡镇办 and 数据包 answers from HQ (hq/src/console/offices/*, officeRoutes.ts). */
export interface DeskView {
  id: string;
  name: string;
  enrolledAt: string;
  revoked: boolean;
  lastContactAt: string | null;
  lastContactVia: 'push' | 'pull' | 'package' | null;
  reportedAt: string | null;
  reportedQueued: number | null;
  reportedConflicts: number | null;
  lastPackageIn: string | null;
  lastPackageOut: string | null;
  accessChain: AccessChainView;
}

export interface OfficeView {
  id: string;
  name: string;
  createdAt: string;
  desks: DeskView[];
  refused: number;
}

export interface RefusedOp {
  opId: string;
  deviceId: string;
  deviceName: string;
  seq: number;
  at: string;
  code: string;
  message: string;
  fieldErrors: FieldError[];
}

export interface PackageLine {
  packageId: string;
  direction: 'in' | 'out';
  deviceId: string | null;
  number: number;
  fileName: string;
  at: string;
  summary: Record<string, unknown>;
}

export interface OfficeDetail {
  office: OfficeView;
  refusals: RefusedOp[];
  packages: PackageLine[];
  now: string;
}

export interface ImportedOps {
  total: number;
  applied: number;
  conflicts: number;
  rejected: number;
  deferred: number;
  alreadyHeld: number;
  counts: Record<string, number>;
}

export interface ImportPreview {
  packageId: string;
  number: number;
  officeId: string;
  deviceId: string;
  createdBy: string;
  createdAt: string;
  dateRange: { from: string; to: string } | null;
  ops: ImportedOps;
}

export interface ImportReport {
  packageId: string;
  officeId: string;
  ops: ImportedOps;
  returnFile: { fileName: string; results: number; changes: number };
}

/** A package file HQ wrote: its bytes, its name and what it carries. */
export interface Download<S> {
  blob: Blob;
  fileName: string;
  summary: S;
}

export const loadOffices = () => api<{ offices: OfficeView[]; now: string }>('GET', '/offices');
export const loadOffice = (officeId: string) =>
  api<OfficeDetail>('GET', `/offices/${encodeURIComponent(officeId)}`);
export const addOffice = (id: string, name: string) =>
  api<{ id: string }>('POST', '/offices', { id, name });
export const makeEnrollmentCode = (officeId: string) =>
  api<{ code: string }>('POST', `/offices/${encodeURIComponent(officeId)}/enrollment-codes`, {});
export const revokeDesk = (deviceId: string) =>
  api<{ revoked: true }>('POST', `/devices/${encodeURIComponent(deviceId)}/revoke`, {});

/** Progress of an upload, 0 to 1 (null: not known). */
export type OnProgress = (share: number | null) => void;

/**
 * A POST of raw bytes (or none) with the session's CSRF token, by XMLHttpRequest so the
 * page can show the upload's progress; a refusal is the one error shape.
 */
function send(path: string, file: Blob | null, onProgress?: OnProgress): Promise<XMLHttpRequest> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/v1/console${path}`);
    xhr.withCredentials = true;
    xhr.responseType = 'blob';
    xhr.setRequestHeader('x-csrf-token', currentCsrfToken());
    if (file) xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress?.(e.lengthComputable ? e.loaded / e.total : null);
    xhr.onerror = () =>
      reject(
        new ConsoleApiError(
          { code: 'unavailable', message: 'network', details: { reason: 'error.network' } },
          0,
        ),
      );
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve(xhr);
      void (xhr.response as Blob).text().then(
        (text) => {
          let data: AppErrorData = { code: 'internal', message: text };
          try {
            data = JSON.parse(text) as AppErrorData;
          } catch {
            // Not HQ's error shape (a proxy's page): the generic words.
          }
          reject(new ConsoleApiError(data, xhr.status));
        },
        () => reject(new ConsoleApiError({ code: 'internal', message: '' }, xhr.status)),
      );
    };
    xhr.send(file);
  });
}

function download<S>(xhr: XMLHttpRequest): Download<S> {
  const disposition = xhr.getResponseHeader('content-disposition') ?? '';
  const named = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  return {
    blob: xhr.response as Blob,
    fileName: named ? decodeURIComponent(named) : 'package.mzpkg',
    summary: JSON.parse(
      decodeURIComponent(xhr.getResponseHeader('x-package-summary') ?? '%7B%7D'),
    ) as S,
  };
}

export async function previewPackage(file: Blob, onProgress?: OnProgress) {
  const xhr = await send('/packages/preview', file, onProgress);
  return (JSON.parse(await (xhr.response as Blob).text()) as { preview: ImportPreview }).preview;
}

export async function importPackage(file: Blob, onProgress?: OnProgress) {
  return download<ImportReport>(await send('/packages/import', file, onProgress));
}

export async function exportForOffice(officeId: string) {
  return download<{ changes: number }>(
    await send(`/offices/${encodeURIComponent(officeId)}/package`, null),
  );
}

/** Saves a downloaded file under its own name (the browser's download). */
export function saveFile(file: Download<unknown>) {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A desk not heard from for this long is flagged on the lists. */
export const silentAfterDays = 3;

/** Whole days since a moment (null: never). */
export function daysSince(at: string | null, now: string): number | null {
  if (!at) return null;
  return Math.floor((Date.parse(now) - Date.parse(at)) / 86_400_000);
}
