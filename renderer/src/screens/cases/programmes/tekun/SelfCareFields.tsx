import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { selfCareItems } from '@shared/programmes/tekun/facts';
import { failedItemCount } from '@shared/programmes/tekun/selfCare';
import { useT } from '../../../../i18n/useT';
import type { TekunDraft } from './tekunDraft';
import { DateField } from '../../../common/DateField';

const levelColor = { able: 'success', partly: 'warning', fully: 'error' } as const;

/** 生活自理能力评估: the six items, each able or not, and the level they give (live). */
export function SelfCareFields(props: {
  draft: TekunDraft;
  today: string;
  onChange: (patch: Partial<TekunDraft>) => void;
  errorFor: (path: string) => string | undefined;
}) {
  const { t } = useT();
  const { draft, onChange, errorFor } = props;
  const dateError = errorFor('programmeFacts.selfCare.assessedOn');
  return (
    <Stack spacing={1.5}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {t('tekun.form.selfCare')}
      </Typography>
      <DateField
        path="programmeFacts.selfCare.assessedOn"
        label={t('tekun.form.assessedOn')}
        value={draft.assessedOn}
        onChange={(assessedOn) => onChange({ assessedOn })}
        error={dateError}
        max={props.today}
        size="small"
        sx={{ maxWidth: 240 }}
      />
      <Grid container spacing={1.5}>
        {selfCareItems.map((item) => (
          <Grid key={item} size={{ xs: 12, sm: 6 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography sx={{ minWidth: 72 }}>{t(`tekun.item.${item}`)}</Typography>
              <ToggleButtonGroup
                exclusive
                size="small"
                value={draft.items[item]}
                onChange={(_, value: 'able' | 'unable' | null) =>
                  value && onChange({ items: { ...draft.items, [item]: value } })
                }
                data-testid={`tekun-item-${item}`}
              >
                <ToggleButton value="able">{t('tekun.item.able')}</ToggleButton>
                <ToggleButton value="unable" color="warning">
                  {t('tekun.item.unable')}
                </ToggleButton>
              </ToggleButtonGroup>
            </Stack>
          </Grid>
        ))}
      </Grid>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary">
          {t('tekun.form.failed', { failed: failedItemCount(draft.items) })}
        </Typography>
        <Chip
          label={t(`tekun.level.${draft.level}`)}
          color={levelColor[draft.level]}
          data-testid="tekun-care-level"
        />
      </Stack>
    </Stack>
  );
}
