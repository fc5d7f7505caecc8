import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Movement } from '../../db/repositories/elderlyCare/tables';
import { useT } from '../../i18n/useT';
import { dischargeLabel, movementLabel } from './labels';

export interface MovementItem {
  movement: Movement;
  /** Whose or which bed's event this is, as the list's reader needs it. */
  subject: string;
  reversed: boolean;
}

/**
 * Movements in the order they were recorded. A reversed event stays, struck through
 * and marked; its reversal is its own line with the reason. History is never edited.
 */
export function MovementList(props: {
  items: MovementItem[];
  empty: string;
  reversibleId?: string | undefined;
  onReverse?: (movement: Movement) => void;
}) {
  const { t } = useT();
  if (props.items.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {props.empty}
      </Typography>
    );
  }
  return (
    <List disablePadding data-testid="movement-list">
      {props.items.map(({ movement: m, subject, reversed }) => (
        <ListItem key={m.id} divider disableGutters sx={{ display: 'block', py: 0.75 }}>
          <Stack
            direction="row"
            spacing={1.5}
            useFlexGap
            sx={{ alignItems: 'center', flexWrap: 'wrap' }}
          >
            <Typography sx={{ width: 96, fontVariantNumeric: 'tabular-nums' }}>{m.date}</Typography>
            <Typography
              sx={{ fontWeight: 600, textDecoration: reversed ? 'line-through' : 'none' }}
            >
              {m.dischargeReason
                ? t('elderly.withReason', {
                    action: movementLabel(t, m.type),
                    reason: dischargeLabel(t, m.dischargeReason),
                  })
                : movementLabel(t, m.type)}
            </Typography>
            <Typography variant="body2">{subject}</Typography>
            {reversed && <Chip size="small" color="warning" label={t('elderly.reversed')} />}
            <Typography
              variant="body2"
              color="text.secondary"
              sx={{ flexGrow: 1, textAlign: 'right' }}
            >
              {t('elderly.by', { name: m.actorName })}
            </Typography>
            {props.onReverse && props.reversibleId === m.id && (
              <Button size="small" color="warning" onClick={() => props.onReverse?.(m)}>
                {t('elderly.move.reverse')}
              </Button>
            )}
          </Stack>
          {(m.reason || m.destination) && (
            <Typography
              variant="body2"
              color={m.type === 'reversal' ? 'warning.dark' : 'text.secondary'}
              sx={{ mt: 0.25, pl: '108px' }}
            >
              {[m.destination, m.reason].filter(Boolean).join(' · ')}
            </Typography>
          )}
        </ListItem>
      ))}
    </List>
  );
}
