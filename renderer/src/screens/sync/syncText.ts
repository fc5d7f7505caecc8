/**
 * Wording for sync: record kinds, fields and values of a conflict, times, and the
 * reasons of errors and refusals. Codes are always translated; none is shown raw.
 */
import { parseHlc } from '@shared/clock/hlc';
import type { AppErrorData } from '@shared/errors/appError';
import { formatFen } from '@shared/money/fen';
import type { MessageKey } from '../../i18n/messages';
import { pageStalledCode } from '@shared/sync/engine';
import { pageRefusedCode } from '@shared/sync/incomingChanges';
import { isMessageKey, type Translate } from '../../i18n/translate';
import type { Language } from '../../i18n/translate';
import type { SyncState } from '../../sync/syncStatus';

export function kindLabel(t: Translate, kind: string): string {
  const key = `sync.kind.${kind}`;
  return t(isMessageKey(key) ? key : 'sync.kind.unknown');
}

/** Where the forms already name a field (after sync.field.*, which wins). */
const fieldWordPrefixes = ['registry.form.', 'cases.form.', 'community.field.', 'elderly.field.'];

/**
 * A field's name in words: its own sync.field.* name, else the name a form gives it; a
 * field no screen names reads as a Chinese "其他内容", never as its stored English name.
 */
export function fieldLabel(t: Translate, field: string): string {
  return knownFieldLabel(t, field) ?? t('words.field.unnamed');
}

/** A field's name in words, if some screen names it (for ErrorSummary's `label`). */
export function knownFieldLabel(t: Translate, field: string): string | undefined {
  const key = [`sync.field.${field}`, ...fieldWordPrefixes.map((p) => `${p}${field}`)].find(
    isMessageKey,
  );
  return key && isMessageKey(key) ? t(key) : undefined;
}

const nameFields = ['name', 'headName', 'applicantName', 'title', 'officeName', 'label'];

/** "人员 张三丰": the kind and the record's own name, when it has one. */
export function recordLabel(
  t: Translate,
  kind: string,
  record: Record<string, unknown> | null,
): string {
  const name = nameFields.map((f) => record?.[f]).find((v) => typeof v === 'string' && v !== '');
  return name ? `${kindLabel(t, kind)} ${String(name)}` : kindLabel(t, kind);
}

/** Where the desk already words a coded value: `${prefix}${value}`. */
const valueWords: Record<string, string> = {
  'assistanceCase.status': 'cases.status.',
  'person.sex': 'registry.sex.',
  'person.hukouType': 'registry.hukou.',
  'household.hukouType': 'registry.hukou.',
  'person.workCapacity': 'registry.work.',
};

export function formatValue(t: Translate, kind: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('sync.value.empty');
  // Values HQ or the desk wrote as message keys (e.g. a stays conflict) read as words.
  if (typeof value === 'string' && value.startsWith('sync.value.') && isMessageKey(value)) {
    return t(value);
  }
  const key = `${valueWords[`${kind}.${field}`] ?? '-'}${String(value)}`;
  if (isMessageKey(key)) return t(key);
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number' && /Fen$/.test(field)) return formatFen(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export function formatTime(language: Language, iso: string | number): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ''
    : d.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short', hour12: false });
}

/** When a change was made, from its hybrid-logical-clock stamp. */
export function hlcTime(language: Language, hlc: string): string {
  const parsed = parseHlc(hlc);
  return parsed ? formatTime(language, parsed.wallMs) : '';
}

/**
 * The desk's own sync refusals (a bad signature, a refused address, no pinned HQ key),
 * worded by their field error code, which says more than the error's code.
 */
function deskRefusal(error: AppErrorData): MessageKey | null {
  const code = error.fieldErrors?.find((e) => e.code.startsWith('sync.'))?.code;
  return code && isMessageKey(code) ? code : null;
}

/** Field codes of a round that stopped over what HQ sent (a refused or stalled page). */
const roundFaults: readonly string[] = [pageRefusedCode, pageStalledCode];

/** Why a sync round failed, in a few words. */
export function syncReason(t: Translate, error: AppErrorData): string {
  const fault = error.fieldErrors?.find((e) => roundFaults.includes(e.code));
  if (fault && isMessageKey(fault.code)) return t(fault.code, fault.params);
  const own = deskRefusal(error);
  if (own) return t(own);
  // Sync's own part could not be fetched (ui/lazyChunk.ts): short words of its own.
  if (error.details?.reason === 'part_not_loaded') return t('sync.reason.partNotLoaded');
  const key = `sync.reason.${error.code}`;
  return isMessageKey(key) ? t(key) : hqCodeText(t, error.code);
}

/** Why the desk refused a change from HQ, in words (the kind and field named as people say them). */
export function refusedChangeReason(
  t: Translate,
  code: string,
  params: Record<string, string>,
): string {
  if (!isMessageKey(code)) return t('sync.refusedChanges.title');
  const words = { ...params };
  // An unknown kind has no name in words: its code is what the county needs to hear.
  if (words.kind && code !== 'sync.change.unknown_kind') words.kind = kindLabel(t, words.kind);
  if (code === 'sync.change.invalid_record') {
    // No field: the record as a whole is wrong (it names no field to point at).
    words.field = words.field ? fieldLabel(t, words.field) : (words.kind ?? '');
  }
  return t(code, words);
}

export function stateText(t: Translate, state: SyncState): string {
  switch (state.kind) {
    case 'starting':
      return t('sync.state.starting');
    case 'not_enrolled':
      return t('sync.offline');
    case 'idle':
      return t('sync.state.idle');
    case 'offline':
      return t('sync.state.offline');
    case 'otherTab':
      return t('sync.state.otherTab');
    case 'error':
      return t('sync.state.error', { reason: syncReason(t, state.error) });
    case 'syncing':
      if (state.phase === 'pulling' && state.done > 0) {
        return t('sync.state.pulling', { done: state.done });
      }
      if (state.phase === 'pushing' && state.total > 0) {
        return t('sync.state.pushing', { done: state.done, total: state.total });
      }
      return t('sync.state.syncing');
  }
}

/**
 * A code HQ sent, in words: its own wording, or, for a code this desk does not know yet
 * (a newer HQ), a Chinese sentence naming the code. HQ's English message is never shown.
 */
export function hqCodeText(t: Translate, code: string, params?: Record<string, string | number>) {
  return isMessageKey(code) ? t(code, params) : t('words.hq.unknownCode', { code });
}

/** Why HQ refused a change: the reason by code, then each field problem in words. */
export function refusalText(
  t: Translate,
  language: Language,
  fieldError: (e: NonNullable<AppErrorData['fieldErrors']>[number]) => string,
  reason: AppErrorData,
): string {
  const key = `sync.refused.${reason.code}`;
  const head = t(isMessageKey(key) ? key : 'sync.refused.other');
  const fields = [
    ...new Set(
      (reason.fieldErrors ?? []).map((e) =>
        isMessageKey(e.code) ? fieldError(e) : hqCodeText(t, e.code),
      ),
    ),
  ];
  if (fields.length === 0) return head;
  return language === 'en' ? `${head} (${fields.join('; ')})` : `${head}（${fields.join('；')}）`;
}

/**
 * Why enrolling failed, in words: the desk's own reasons, else what HQ answered, by its
 * codes (each field problem HQ named, or the error's code), never by HQ's English message.
 */
export function enrollErrorText(t: Translate, error: AppErrorData): string {
  if (error.details?.reason === 'no_key_storage') return t('sync.enrollError.noKeyStorage');
  if (error.code === 'rate_limited') return t('error.rate_limited');
  if (error.details?.reason === 'bad_signature') return t('sync.enrollError.badSignature');
  const said = [
    ...new Set(
      (error.fieldErrors ?? [])
        .filter((e) => e.path !== 'hqUrl' && !e.code.startsWith('sync.'))
        .map((e) => hqCodeText(t, e.code, e.params)),
    ),
  ];
  if (said.length > 0)
    return t('sync.settings.hqSaid', { message: said.join(t('words.listSeparator')) });
  const key = `sync.enrollError.${error.code}`;
  return isMessageKey(key) ? t(key) : hqCodeText(t, error.code);
}
