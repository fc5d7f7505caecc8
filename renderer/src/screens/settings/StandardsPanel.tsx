import AddIcon from '@mui/icons-material/Add';
import {
  Button,
  Chip,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
  type ChipProps,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { BenefitStandardData } from '@shared/domain/reference';
import { formatFen } from '@shared/money/fen';
import { listStandards, type BenefitStandard } from '../../db/repositories/reference';
import { useT } from '../../i18n/useT';
import { PanelTable } from '../../ui/PanelTable';
import { useSession } from '../../state/session';
import { SettingsSection } from './SettingsSection';
import { StandardDialog } from './StandardDialog';

const sourceColor: Record<BenefitStandardData['source'], ChipProps['color']> = {
  sample: 'warning',
  local: 'default',
  hq: 'primary',
};

/**
 * The 低保 standards S by area, category and period. Sample and local standards can
 * be edited; a county-published one is the county's to change.
 */
export function StandardsPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useT();
  const db = useSession((s) => s.db);
  const standards = useLiveQuery(() => listStandards(db), [db]);
  const [dialog, setDialog] = useState<{ existing: BenefitStandard | null } | null>(null);

  return (
    <SettingsSection
      title={t('settings.standards.title')}
      intro={t('settings.standards.intro')}
      action={
        canEdit && (
          <Button
            variant="outlined"
            startIcon={<AddIcon />}
            onClick={() => setDialog({ existing: null })}
          >
            {t('settings.standards.add')}
          </Button>
        )
      }
    >
      {/* One line a cell but the note (a heading or a category broken a character a line
          at a narrow window); what does not fit scrolls sideways here, not the page. */}
      <PanelTable aria-label={t('settings.standards.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('settings.standards.areaCode')}</TableCell>
            <TableCell>{t('settings.standards.category')}</TableCell>
            <TableCell>{t('settings.standards.from')}</TableCell>
            <TableCell>{t('settings.standards.to')}</TableCell>
            <TableCell align="right">{t('settings.standards.amount')}</TableCell>
            <TableCell>{t('settings.standards.source')}</TableCell>
            <TableCell>{t('settings.standards.note')}</TableCell>
            {canEdit && <TableCell>{t('settings.standards.actions')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {standards?.length === 0 && (
            <TableRow>
              <TableCell colSpan={8}>
                <Typography color="text.secondary">{t('settings.standards.empty')}</Typography>
              </TableCell>
            </TableRow>
          )}
          {(standards ?? []).map((s) => (
            <TableRow key={s.id} data-testid="standard-row">
              <TableCell>{s.areaCode}</TableCell>
              <TableCell>{t(`settings.standards.category.${s.category}`)}</TableCell>
              <TableCell>{s.effectiveFrom}</TableCell>
              <TableCell>{s.effectiveTo ?? t('settings.standards.openEnded')}</TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatFen(s.amountFen)}
              </TableCell>
              <TableCell>
                <Chip
                  size="small"
                  variant="outlined"
                  color={sourceColor[s.source]}
                  label={t(`settings.standards.source.${s.source}`)}
                />
              </TableCell>
              <TableCell data-wraps sx={{ color: 'text.secondary', minWidth: '7em' }}>
                {s.note}
              </TableCell>
              {canEdit && (
                <TableCell>
                  {s.source === 'hq' ? (
                    <Tooltip title={t('settings.standards.hqReadOnly')}>
                      <span>
                        <Button size="small" disabled>
                          {t('common.edit')}
                        </Button>
                      </span>
                    </Tooltip>
                  ) : (
                    <Button size="small" onClick={() => setDialog({ existing: s })}>
                      {t('common.edit')}
                    </Button>
                  )}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </PanelTable>
      {dialog && (
        <StandardDialog
          key={dialog.existing?.id ?? 'new'}
          existing={dialog.existing}
          onClose={() => setDialog(null)}
        />
      )}
    </SettingsSection>
  );
}
