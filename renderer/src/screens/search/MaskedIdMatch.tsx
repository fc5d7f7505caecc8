import Box from '@mui/material/Box';
import { maskIdNumber } from '@shared/identity/residentId';
import { idMatchOf } from '@shared/search/idMatch';
import { useT } from '../../i18n/useT';

/**
 * An ID number masked as lists show it (first 6 + 8 '*' + last 4), with the part an ID
 * query matched marked: the tail a registrar typed, or the prefix. The mask is kept
 * whatever matched: a six-character tail marks two masked places without showing them.
 */
export function MaskedIdMatch(props: { idNumber: string; query?: string }) {
  const { t } = useT();
  const masked = maskIdNumber(props.idNumber);
  const match = props.query ? idMatchOf(props.query, props.idNumber) : null;
  if (!match || masked.length < match.end) return <>{masked}</>;
  const count = match.end - match.start;
  const label = t(match.by === 'tail' ? 'search.idMatch.tail' : 'search.idMatch.prefix', {
    count,
  });
  return (
    <>
      {masked.slice(0, match.start)}
      <Box
        component="mark"
        title={label}
        aria-label={label}
        data-testid="id-match"
        data-match={match.by}
        sx={{
          bgcolor: 'warning.light',
          color: 'text.primary',
          fontWeight: 700,
          borderRadius: 0.5,
        }}
      >
        {masked.slice(match.start, match.end)}
      </Box>
      {masked.slice(match.end)}
    </>
  );
}
