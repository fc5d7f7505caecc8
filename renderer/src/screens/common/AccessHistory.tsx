import { useLiveQuery } from 'dexie-react-hooks';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { whoLookedAt } from '../../db/repositories/accessRecord';
import { useT } from '../../i18n/useT';
import { useRoles, useSession, writeContext } from '../../state/session';

/** 谁查看过 on a person or case: the supervisor's view of its access record. */
export function AccessHistory({ subjectId }: { subjectId: string }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const supervises = useRoles().includes('supervisor');
  const lines = useLiveQuery(
    () => (supervises ? whoLookedAt(db, writeContext(), subjectId) : Promise.resolve(null)),
    [db, subjectId, supervises],
  );
  if (!supervises || !lines) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="access-history">
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {t('accessRecord.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('accessRecord.hint')}
      </Typography>
      {lines.length === 0 ? (
        <Typography color="text.secondary">{t('accessRecord.none')}</Typography>
      ) : (
        <Table size="small" aria-label={t('accessRecord.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('accessRecord.when')}</TableCell>
              <TableCell>{t('accessRecord.who')}</TableCell>
              <TableCell>{t('accessRecord.what')}</TableCell>
              <TableCell>{t('accessRecord.why')}</TableCell>
              <TableCell align="right">{t('accessRecord.seq')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((line) => (
              <TableRow key={line.id} data-testid="access-line">
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {new Date(line.at).toLocaleString('zh-CN', { hour12: false })}
                </TableCell>
                <TableCell>{line.who}</TableCell>
                <TableCell>{t(`accessRecord.action.${line.action}`)}</TableCell>
                <TableCell>{line.purpose}</TableCell>
                <TableCell align="right">{line.chainSeq ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}
