import { useRef, useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { toAppErrorData } from '@shared/errors/appError';
import { unmappedRequired } from '@shared/import/headings';
import type { MatchChoice } from '../../db/repositories/import/householdImport';
import {
  rosterModules,
  rosterTypes,
  type RosterDryRun,
  type RosterType,
} from '../../db/repositories/import/rosterModules';
import { ImportCancelled, type ImportProgress } from '../../db/repositories/import/importRun';
import { reportWorkbook } from '../../db/repositories/import/reportSheet';
import { useT } from '../../i18n/useT';
import { getDeskApi } from '../../platform/deskApi';
import { useRouter } from '../../state/router';
import { useRoles, useSession, writeContext } from '../../state/session';
import { PageHeader } from '../common/PageHeader';
import { todayDate } from '../common/labels';
import { ImportIntro } from './ImportIntro';
import { MappingPanel } from './MappingPanel';
import { ProblemReport } from './ProblemReport';
import { problemText } from './problemText';
import { useRosterFile } from './useRosterFile';

type Outcome = { severity: 'success' | 'info' | 'error'; text: string } | null;

/**
 * 名册导入 (supervisor): choose a roster file, check the column mapping, run the dry
 * run (nothing written; problems grouped, the report downloadable), choose link or skip
 * for registered persons, then commit all of it or nothing, with progress and cancel.
 */
export function RosterImportScreen() {
  const { t, appError } = useT();
  const db = useSession((s) => s.db);
  const supervisor = useRoles().includes('supervisor');
  const navigate = useRouter((s) => s.navigate);
  const file = useRosterFile(db);
  const input = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);
  const [type, setType] = useState<RosterType>('households');
  const roster = rosterModules[type];
  const [dry, setDry] = useState<RosterDryRun | null>(null);
  const [choices, setChoices] = useState<Map<number, MatchChoice>>(new Map());
  const [busy, setBusy] = useState<'checking' | 'committing' | null>(null);
  const [progress, setProgress] = useState<ImportProgress>({ done: 0, total: 0 });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const { sheet, mapping } = file;

  function reset() {
    setDry(null);
    setChoices(new Map());
    setOutcome(null);
  }

  async function check() {
    if (!sheet || !mapping) return;
    reset();
    setBusy('checking');
    setProgress({ done: 0, total: sheet.rows.length });
    try {
      setDry(await roster.dryRun(db, sheet, mapping, todayDate(), setProgress));
    } finally {
      setBusy(null);
    }
  }

  async function commit() {
    if (!sheet || !mapping || !dry) return;
    abort.current = new AbortController();
    setBusy('committing');
    setOutcome(null);
    try {
      const done = await roster.commit(
        db,
        writeContext(),
        { sheet, mapping, dry, choices },
        { onProgress: setProgress, signal: abort.current.signal },
      );
      setDry(null);
      setOutcome({ severity: 'success', text: t(`import.done.${type}`, done) });
    } catch (thrown) {
      if (thrown instanceof ImportCancelled) {
        setOutcome({ severity: 'info', text: t('import.cancelled') });
      } else {
        const data = toAppErrorData(thrown);
        const row = typeof data.details?.row === 'number' ? data.details.row : -1;
        const first = data.fieldErrors?.[0];
        const message = first
          ? problemText(
              t,
              { row, group: 'value', code: first.code, params: first.params, severity: 'error' },
              sheet,
            )
          : appError(data);
        setOutcome({
          severity: 'error',
          text: t('import.failedAt', { row: sheet.sheetRowOf[row] ?? '-', message }),
        });
      }
    } finally {
      setBusy(null);
      abort.current = null;
    }
  }

  async function downloadReport() {
    if (!sheet || !dry) return;
    const all = [...dry.problems, ...roster.plan(dry, choices).problems];
    const bytes = await reportWorkbook(sheet, all, (p) => problemText(t, p, sheet));
    await getDeskApi().saveBytesFile({
      suggestedName: `${file.name.replace(/\.(xlsx|csv)$/i, '')}-检查结果.xlsx`,
      bytes,
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    });
  }

  if (!supervisor) {
    return (
      <Stack spacing={2}>
        <PageHeader title={t('import.title')} />
        <Alert severity="info">{t('import.supervisorOnly')}</Alert>
      </Stack>
    );
  }

  const plan = dry ? roster.plan(dry, choices) : null;
  const problems =
    dry && plan ? [...dry.problems, ...plan.problems].sort((a, b) => a.row - b.row) : [];
  const rowsWith = (severity: 'error' | 'warning') =>
    new Set(problems.filter((p) => p.severity === severity).map((p) => p.row)).size;
  const errors = rowsWith('error');
  const cell = (row: number, index: number | null | undefined) =>
    index === null || index === undefined ? '' : (sheet?.rows[row]?.[index] ?? '');
  const who = (row: number) =>
    [cell(row, mapping?.name), cell(row, mapping?.idNumber)].filter(Boolean).join('　');

  return (
    <Stack spacing={2} sx={{ pb: 4 }}>
      <PageHeader title={t('import.title')} />
      <ImportIntro type={type} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={t('import.rosterType')}
          value={type}
          onChange={(e) => {
            const next = e.target.value as RosterType;
            setType(next);
            reset();
            void file.retype(rosterModules[next]);
          }}
          disabled={busy !== null}
          sx={{ minWidth: 300 }}
          slotProps={{ htmlInput: { 'data-testid': 'import-type' } }}
        >
          {rosterTypes.map((r) => (
            <MenuItem key={r} value={r}>
              {t(`import.type.${r}`)}
            </MenuItem>
          ))}
        </TextField>
        <Button
          variant="contained"
          startIcon={<UploadFileIcon />}
          onClick={() => input.current?.click()}
          disabled={busy !== null}
        >
          {t('import.pickFile')}
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          accept=".xlsx,.csv"
          data-testid="import-file"
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            e.target.value = '';
            if (chosen) {
              reset();
              void file.open(chosen, roster);
            }
          }}
        />
        {sheet && (
          <Typography>{t('import.file', { name: file.name, rows: sheet.rows.length })}</Typography>
        )}
      </Stack>
      {file.problem && <Alert severity="error">{t(file.problem)}</Alert>}
      {sheet && mapping && (
        <MappingPanel
          columns={roster.columns}
          header={sheet.header}
          mapping={mapping}
          onChange={(next) => {
            reset();
            file.change(next, roster);
          }}
        />
      )}
      {sheet && mapping && (
        <div>
          <Button
            variant="outlined"
            onClick={() => void check()}
            disabled={busy !== null || unmappedRequired(mapping, roster.columns).length > 0}
            data-testid="import-check"
          >
            {t('import.dryRun')}
          </Button>
        </div>
      )}
      {busy && (
        <Stack spacing={1} data-testid="import-progress">
          <Typography>
            {t(busy === 'checking' ? 'import.checking' : 'import.committing', { ...progress })}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={progress.total ? (progress.done / progress.total) * 100 : 0}
          />
          {busy === 'committing' && (
            <div>
              <Button
                color="warning"
                onClick={() => abort.current?.abort()}
                data-testid="import-cancel"
              >
                {t('import.cancel')}
              </Button>
            </div>
          )}
        </Stack>
      )}
      {outcome && (
        <Alert
          severity={outcome.severity}
          data-testid="import-outcome"
          action={
            outcome.severity === 'success' ? (
              <Button color="inherit" size="small" onClick={() => navigate({ name: 'persons' })}>
                {t('import.openPersons')}
              </Button>
            ) : undefined
          }
        >
          {outcome.text}
        </Alert>
      )}
      {dry && sheet && plan && !busy && (
        <Stack spacing={1.5}>
          <Alert
            severity={errors > 0 ? 'error' : problems.length > 0 ? 'warning' : 'success'}
            data-testid="import-summary"
          >
            {t('import.summary', {
              rows: sheet.rows.length,
              errors,
              warnings: rowsWith('warning'),
            })}{' '}
            {errors > 0 ? t('import.blocked') : problems.length === 0 ? t('import.clean') : ''}
          </Alert>
          <Stack direction="row" spacing={2}>
            <Button
              variant="contained"
              disabled={errors > 0 || plan.records === 0}
              onClick={() => void commit()}
              data-testid="import-commit"
            >
              {errors > 0 ? t('import.commitBlocked') : t(`import.commit.${type}`, plan.counts)}
            </Button>
            <Button
              startIcon={<DownloadIcon />}
              onClick={() => void downloadReport()}
              data-testid="import-download"
            >
              {t('import.downloadReport')}
            </Button>
          </Stack>
          <ProblemReport
            sheet={sheet}
            problems={problems}
            who={who}
            matches={dry.matches}
            choices={choices}
            onChoose={(rows, choice) =>
              setChoices((before) => {
                const next = new Map(before);
                for (const r of rows) next.set(r, choice);
                return next;
              })
            }
          />
        </Stack>
      )}
    </Stack>
  );
}
