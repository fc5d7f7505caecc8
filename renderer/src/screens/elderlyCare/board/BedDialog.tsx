import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { bedDetail } from '../../../db/repositories/elderlyCare/bedDetail';
import { useT } from '../../../i18n/useT';
import { useRouter } from '../../../state/router';
import { useSession } from '../../../state/session';
import { FactList } from '../../common/FactList';
import { todayDate } from '../../common/labels';
import { bedName, bedStatusLabel, bedTypeLabel, sexRuleLabel } from '../labels';
import { MovementList } from '../MovementList';
import { useElderlyRole } from '../useElderlyRole';
import { BedAdmitForm } from './BedAdmitForm';
import { ElderlyHistory } from '../history/ElderlyHistory';
import { BedEditDialog } from './BedEditDialog';
import { BedServiceForm } from './BedServiceForm';
import { lacksRepairReason, repairReasonOf } from './repairReason';

/** A bed opened from the board: who is in it and since when, what happened, what to do. */
export function BedDialog(props: { bedId: string; onClose: () => void }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const navigate = useRouter((s) => s.navigate);
  const may = useElderlyRole();
  const [editing, setEditing] = useState(false);
  const today = todayDate();
  const detail = useLiveQuery(
    async () => (await bedDetail(db, props.bedId, today)) ?? null,
    [db, props.bedId, today],
  );
  if (!detail) return null;
  const { bed, stay, resident, status } = detail;
  const leave = stay?.leaves.find((l) => l.to === null);

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="md">
      <DialogTitle>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }} component="span">
          <span>{bedName(t, detail.place)}</span>
          {status && (
            <Chip size="small" label={bedStatusLabel(t, status)} data-testid="bed-status" />
          )}
          <span style={{ flexGrow: 1 }} />
          {may('setup') && bed.retiredOn === null && (
            <Button variant="outlined" size="small" onClick={() => setEditing(true)}>
              {lacksRepairReason(bed)
                ? t('elderly.fix.addMissingReason')
                : t('elderly.fix.editBed')}
            </Button>
          )}
        </Stack>
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 0.5 }} data-testid="bed-dialog">
          {bed.maintenance && (
            <Alert severity="warning" data-testid="bed-maintenance-reason">
              {lacksRepairReason(bed)
                ? t('elderly.fix.reasonMissing')
                : t('elderly.fix.inMaintenance', { text: repairReasonOf(bed) })}
            </Alert>
          )}
          <FactList
            items={[
              [t('elderly.field.institution'), detail.institution?.name],
              [t('elderly.field.bedType'), bedTypeLabel(t, bed.bedType)],
              [t('elderly.field.sexRule'), sexRuleLabel(t, bed.sexRule)],
              [t('elderly.field.inServiceFrom'), bed.inServiceFrom],
              ...(bed.retiredOn
                ? [[t('elderly.fix.retiredOn'), bed.retiredOn] as [string, string]]
                : []),
              [t('elderly.field.note'), bed.note],
            ]}
          />
          {resident && stay && (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Typography sx={{ fontWeight: 600, fontSize: 18 }}>{resident.personName}</Typography>
              <Typography color="text.secondary">
                {leave
                  ? t('elderly.bed.onLeave', { date: leave.from })
                  : t('elderly.bed.since', { date: stay.admittedOn ?? stay.reservedOn ?? '' })}
              </Typography>
              <Button
                variant="outlined"
                onClick={() => navigate({ name: 'elderlyResident', id: resident.id })}
              >
                {t('elderly.bed.openResident')}
              </Button>
            </Stack>
          )}
          {status === 'vacant' && may('record') && (
            <BedAdmitForm bedId={bed.id} onDone={props.onClose} />
          )}
          {(status === 'vacant' || status === 'maintenance') && may('setup') && (
            <BedServiceForm bed={bed} bedLabel={bedName(t, detail.place)} />
          )}
          <div>
            <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 0.5 }}>
              {t('elderly.bed.history')}
            </Typography>
            <MovementList
              empty={t('elderly.bed.noHistory')}
              items={detail.history.map((h) => ({
                movement: h.movement,
                subject: h.residentName,
                reversed: h.reversed,
              }))}
            />
          </div>
          <ElderlyHistory kind="elderlyBed" id={bed.id} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('elderly.close')}</Button>
      </DialogActions>
      {editing && <BedEditDialog bed={bed} onClose={() => setEditing(false)} />}
    </Dialog>
  );
}
