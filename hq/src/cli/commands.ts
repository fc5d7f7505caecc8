import { AppError } from '@shared/errors/appError';
import { benefitStandardDataSchema, calendarYearDataSchema } from '@shared/domain/reference';
import { programmeRuleDataSchema } from '@shared/programmes/ruleBook';
import { parseYuan } from '@shared/money/fen';
import { fingerprintText } from '@shared/package/keys';
import type { HqDatabase } from '../db/database';
import { parseBody } from '../http/errors';
import { addOffice, createEnrollmentCode, listOffices } from '../store/offices';
import {
  countyDecisionActions,
  decideCase,
  publishCalendarYear,
  publishProgrammeRule,
  publishStandard,
  setDelegation,
} from '../sync/hqChanges';
import { delegationDataSchema } from '@shared/domain/delegation';
import { listDevices, revokeDevice } from '../store/deviceAdmin';
import { loadHqKeys } from '../store/hqKeys';
import { packageCommands } from './packageCommands';
import { userCommands } from './userCommands';

export const usage = `民政工作台 HQ

  npm run hq                                  start the server (HQ_PORT, default 8787)
  npm run hq -- office add <id> <name>        create an office
  npm run hq -- offices                       list offices
  npm run hq -- enroll-code <office>          one-time code to enroll a desk
  npm run hq -- devices <office>              the office's desks (id, name, last op, revoked)
  npm run hq -- device revoke <deviceId>      stop trusting a lost or reinstalled desk
  npm run hq -- standard set --area <code> --category urban|rural --from <date>
                 [--to <date>] --amount <yuan> [--by <name>]
  npm run hq -- rule set --key <programme.name> --value <n> --from <date> [--to <date>]
                 [--area <code>] [--by <name>]   a programme's number (docs/programmes.md)
  npm run hq -- calendar set --year <yyyy> --holidays <d,d,…> [--workdays <d,d,…>] [--by <name>]
  npm run hq -- decide <caseId> confirm|deny --opinion <text> --by <name>
  npm run hq -- delegation set <office> on|off --from <date> [--note <text>] [--by <name>]
                 delegate 审核确认 to the office from a date, or take it back
  npm run hq -- import <file.mzpkg> [--out <file-or-dir>] [--by <name>]
                 apply a desk's sync package; writes the return file next to it
  npm run hq -- export-for <office> <file-or-dir> [--by <name>]
                 a sync package of HQ's changes for every desk of the office
  npm run hq -- user add <username> --name <name> --role admin|reviewer|viewer
                 a county console account; the password is asked (or HQ_USER_PASSWORD)

Storage: embedded SQLite under HQ_DATA_DIR (default ./data/hq), or PostgreSQL when
HQ_DATABASE_URL is set. HQ's private keys are sealed with HQ_KEY_FILE (default
<HQ_DATA_DIR>/hq.key): back it up once, apart from the database backups.
The county console is served at /console/ (README, "County console").
Also HQ_LOG_LEVEL, HQ_ENROLL_LIMIT, HQ_ENROLL_WINDOW_MINUTES, HQ_TRUST_PROXY (README).`;

export type Command = (
  hq: HqDatabase,
  args: string[],
  options: Record<string, string>,
) => Promise<string>;

const list = (text: string | undefined) =>
  text
    ? text
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean)
    : [];

/** Admin commands: the same store functions the admin API uses. Each returns what to print. */
export const commands: Record<string, Command> = {
  'office add': async (hq, [id, ...name]) => {
    await addOffice(hq.db, { id: id ?? '', name: name.join(' ') || (id ?? '') }, new Date());
    return `office ${id} created`;
  },
  offices: async (hq) =>
    (await listOffices(hq.db)).map((o) => `${o.id}\t${o.name}`).join('\n') || '(none)',
  'enroll-code': async (hq, [officeId]) => {
    const code = await createEnrollmentCode(hq.db, officeId ?? '', new Date());
    const keys = await loadHqKeys(hq);
    return [
      `enrollment code for ${officeId}: ${code} (valid 72 hours, once)`,
      `HQ key fingerprint: ${fingerprintText(keys.signing.keyId)}`,
      '  (after enrolling, the desk shows this under 同步设置 → 县局密钥指纹: they must match)',
    ].join('\n');
  },
  'standard set': async (hq, _args, o) => {
    const amount = parseYuan(o.amount ?? '');
    if (!amount.ok) {
      throw new AppError({
        code: 'validation',
        message: 'Bad --amount.',
        fieldErrors: [{ path: 'amount', code: amount.code }],
      });
    }
    const standard = parseBody(benefitStandardDataSchema, {
      areaCode: o.area,
      category: o.category,
      effectiveFrom: o.from,
      effectiveTo: o.to ?? null,
      amountFen: amount.fen,
      source: 'hq',
      note: o.note ?? '',
    });
    const { source: _source, ...fields } = standard;
    const id = await publishStandard(hq.db, fields, o.by ?? 'county', new Date());
    return `standard ${id} published`;
  },
  'rule set': async (hq, _args, o) => {
    const rule = parseBody(programmeRuleDataSchema, {
      key: o.key,
      areaCode: o.area ?? null,
      effectiveFrom: o.from,
      effectiveTo: o.to ?? null,
      value: Number(o.value),
      source: 'hq',
      note: o.note ?? '',
    });
    const { source: _source, ...fields } = rule;
    const id = await publishProgrammeRule(hq.db, fields, o.by ?? 'county', new Date());
    return `rule ${rule.key} = ${rule.value} from ${rule.effectiveFrom} published (${id})`;
  },
  'calendar set': async (hq, _args, o) => {
    const year = parseBody(calendarYearDataSchema, {
      year: Number(o.year),
      holidays: list(o.holidays),
      extraWorkdays: list(o.workdays),
      source: 'hq',
    });
    const { source: _source, ...fields } = year;
    await publishCalendarYear(hq.db, fields, o.by ?? 'county', new Date());
    return `calendar ${year.year} published`;
  },
  decide: async (hq, [caseId, action], o) => {
    if (!action || !countyDecisionActions.includes(action)) {
      throw new AppError({
        code: 'validation',
        message: `Say one of: ${countyDecisionActions.join(', ')}.`,
        fieldErrors: [{ path: 'action', code: 'field.invalid_option' }],
      });
    }
    await decideCase(
      hq.db,
      { caseId: caseId ?? '', action, opinion: o.opinion ?? '', decidedBy: o.by ?? 'county' },
      new Date(),
    );
    return `case ${caseId}: ${action}`;
  },
  'delegation set': async (hq, [officeId, onOff], o) => {
    if (onOff !== 'on' && onOff !== 'off') {
      throw new AppError({
        code: 'validation',
        message: 'Say on or off.',
        fieldErrors: [{ path: 'confirmationDelegated', code: 'field.invalid_option' }],
      });
    }
    const delegation = parseBody(delegationDataSchema, {
      office: officeId ?? '',
      confirmationDelegated: onOff === 'on',
      effectiveFrom: o.from ?? '',
      note: o.note ?? '',
    });
    await setDelegation(hq.db, delegation, o.by ?? 'county', new Date());
    return `office ${delegation.office}: confirmation ${onOff === 'on' ? 'delegated' : 'with the county'} from ${delegation.effectiveFrom}`;
  },
  ...packageCommands,
  ...userCommands,
  devices: async (hq, [officeId]) =>
    (await listDevices(hq.db, officeId ?? ''))
      .map(
        (d) =>
          `${d.id}\t${d.name}\tenrolled ${d.enrolledAt}\tlast op ${d.lastSeq}` +
          `${d.packageKeys ? '' : '\tno package keys'}${d.revoked ? '\tREVOKED' : ''}`,
      )
      .join('\n') || '(none)',
  'device revoke': async (hq, [deviceId]) => {
    await revokeDevice(hq.db, deviceId ?? '');
    return `device ${deviceId} revoked: its token and its packages are refused from now on`;
  },
};
