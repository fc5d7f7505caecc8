import { Chip, Stack, Tooltip, Typography } from '@mui/material';
import type { AccessChainView } from '@shared/accessChain/view';
import { useI18n } from '../../i18n/i18n';
import { breaksInOrder, listedBreaks } from './chainLines';

/**
 * A desk's access chain in the offices table: unbroken with its last entry, or the
 * breaks HQ found, each in words (all on hover; the first few listed under the chip, the
 * chain's own breaks before the desk's reports: chainLines.ts).
 */
export function ChainState({ chain }: { chain: AccessChainView }) {
  const { t } = useI18n();
  if (chain.breaks.length === 0) {
    return chain.seq === null ? (
      <Typography variant="body2" color="text.secondary">
        {t('offices.chainNone')}
      </Typography>
    ) : (
      <Typography variant="body2">{t('offices.chainOk', { seq: chain.seq })}</Typography>
    );
  }
  const lines = breaksInOrder(chain.breaks).map((b) =>
    t(
      b.missing && b.missing.from === b.missing.to
        ? 'offices.chainBreak.removedOne'
        : `offices.chainBreak.${b.kind}`,
      {
        seq: b.seq,
        from: b.missing?.from ?? b.seq,
        to: b.missing?.to ?? b.seq,
      },
    ),
  );
  return (
    <Tooltip title={lines.join('；')}>
      <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
        <Chip
          size="small"
          color="error"
          label={t('offices.chainBroken', { count: chain.breaks.length })}
        />
        {lines.slice(0, listedBreaks).map((line, i) => (
          <Typography key={i} variant="caption" color="error" sx={{ whiteSpace: 'normal' }}>
            {line}
          </Typography>
        ))}
        {lines.length > listedBreaks && (
          <Typography variant="caption" color="text.secondary">
            {t('offices.chainMore', { count: lines.length - listedBreaks })}
          </Typography>
        )}
      </Stack>
    </Tooltip>
  );
}
