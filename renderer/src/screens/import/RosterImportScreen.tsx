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
import { unmappedRequired } from '@shared/import/headings';
import {
  rosterModules,
  rosterTypes,
  type RosterType,
} from '../../db/repositories/import/rosterModules';
import { useT } from '../../i18n/useT';
import { useRouter } from '../../state/router';
import { useRoles, useSession } from '../../state/session';
import { PageHeader } from '../common/PageHeader';
import { ImportIntro } from './ImportIntro';
import { importDestinations } from './importDestinations';
import { MappingPanel } from './MappingPanel';
import { ProblemReport } from './ProblemReport';
import { useImportRun } from './useImportRun';
import { useRosterFile } from './useRosterFile';

/**
 * 名册导入 (supervisor): choose a roster file, check the column mapping, run the dry
 * run (nothing written; problems grouped, the report downloadable), choose link or skip
 * for registered persons, then commit all of it or nothing, with progress and cancel.
 */
export function RosterImportScreen() {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const supervisor = useRoles().includes('supervisor');
  const navigate = useRouter((s) => s.navigate);
  const file = useRosterFile(db);
  const input = useRef<HTMLInputElement>(null);
  const [type, setType] = useState<RosterType>('households');
  const roster = rosterModules[type];
  const run = useImportRun(db, roster, file);
  const { dry, choices, busy, progress, outcome, reset } = run;
  const { sheet, mapping } = file;

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
      {/* Wraps at a narrow window: the roster type's long words stay whole, and the button
          keeps to one line. */}
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
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
          sx={{ minWidth: 300, maxWidth: '100%' }}
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
          sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
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
          disabled={busy !== null}
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
            onClick={() => void run.check()}
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
              <Button color="warning" onClick={run.cancel} data-testid="import-cancel">
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
              <Button
                color="inherit"
                size="small"
                onClick={() => navigate(importDestinations[type].route)}
              >
                {t(importDestinations[type].label)}
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
              disabled={errors > 0 || plan.rows === 0}
              onClick={() => void run.commit()}
              data-testid="import-commit"
            >
              {errors > 0 ? t('import.commitBlocked') : t(`import.commit.${type}`, plan.counts)}
            </Button>
            <Button
              startIcon={<DownloadIcon />}
              onClick={() => void run.downloadReport()}
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
            onChoose={run.choose}
          />
        </Stack>
      )}
    </Stack>
  );
}
