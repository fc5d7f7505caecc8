import Box from '@mui/material/Box';
import { useT } from '../../../i18n/useT';

/** 制表人 / 审核人 lines (and the print date) under a roster or the figures, kept whole. */
export function PreparedBy(props: { printedOn?: string }) {
  const { t } = useT();
  const line = <Box sx={{ width: 150, borderBottom: '1px solid #000', mr: 4 }} />;
  return (
    <Box
      className="print-keep"
      sx={{ mt: 3, display: 'flex', alignItems: 'flex-end', whiteSpace: 'nowrap' }}
    >
      <span>{t('print.roster.preparer')}</span>
      {line}
      <span>{t('print.roster.reviewer')}</span>
      {line}
      {props.printedOn && (
        <Box component="span" sx={{ ml: 'auto' }}>
          {t('print.printedOn', { date: props.printedOn })}
        </Box>
      )}
    </Box>
  );
}
