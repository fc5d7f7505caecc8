import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { RecordVersion } from '../../db/repositories/recordHistory';
import { useT } from '../../i18n/useT';
import type { Translate } from '../../i18n/translate';
import { instantText } from '../community/labels';

/** How an area names a record's fields (null: not shown) and shows their values. */
export interface HistoryFields {
  label: (t: Translate, field: string, kind: string) => string | null;
  value: (t: Translate, field: string, value: unknown) => string;
}

/** A value no area names otherwise: lists joined, the rest as text. */
export function plainValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join('、');
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/**
 * Every version of a record, newest first: who wrote it and when, why it replaced the
 * one before, and what it changed (old → new). Nothing in a corrected record is lost.
 */
export function RecordHistory(props: {
  kind: string;
  versions: RecordVersion<object>[];
  /** How the record's area names its fields and shows their values. */
  fields: HistoryFields;
}) {
  const { t, language } = useT();
  const { label: fieldLabel, value: valueText } = props.fields;
  const newestFirst = [...props.versions].reverse();
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {t('community.history')}
      </Typography>
      <List disablePadding data-testid="record-history">
        {newestFirst.map((v) => {
          const changes = v.changes.flatMap((c) => {
            const label = fieldLabel(t, c.field, props.kind);
            return label ? [{ ...c, label }] : [];
          });
          return (
            <ListItem
              key={`${v.version}:${v.at}`}
              divider
              disableGutters
              sx={{ display: 'block' }}
              data-testid="record-version"
            >
              <Stack
                direction="row"
                spacing={1.5}
                useFlexGap
                sx={{ alignItems: 'center', flexWrap: 'wrap' }}
              >
                <Typography sx={{ fontWeight: 600 }}>
                  {t('community.version', { n: v.version })}
                </Typography>
                {v.current && (
                  <Chip size="small" color="primary" label={t('community.history.current')} />
                )}
                {v.version === 1 && (
                  <Chip size="small" variant="outlined" label={t('community.history.created')} />
                )}
                <Typography
                  variant="body2"
                  color="text.secondary"
                  sx={{ flexGrow: 1, textAlign: 'right' }}
                >
                  {t('community.history.by', { name: v.byName, at: instantText(v.at, language) })}
                </Typography>
              </Stack>
              {v.reason && (
                <Typography variant="body2" color="warning.dark" sx={{ mt: 0.5 }}>
                  {t('community.history.reason', { text: v.reason })}
                </Typography>
              )}
              {v.version > 1 && changes.length > 0 && (
                <Box
                  component="dl"
                  sx={{
                    display: 'grid',
                    gridTemplateColumns: '140px 1fr',
                    columnGap: 2,
                    rowGap: 0.5,
                    m: 0,
                    mt: 0.5,
                  }}
                >
                  {changes.map((c) => (
                    <Box key={c.field} sx={{ display: 'contents' }}>
                      <Box component="dt" sx={{ color: 'text.secondary' }}>
                        {c.label}
                      </Box>
                      <Box component="dd" sx={{ m: 0 }}>
                        <Box component="s" sx={{ color: 'text.secondary' }}>
                          {valueText(t, c.field, c.before)}
                        </Box>
                        {' → '}
                        <strong>{valueText(t, c.field, c.after)}</strong>
                      </Box>
                    </Box>
                  ))}
                </Box>
              )}
            </ListItem>
          );
        })}
      </List>
    </Paper>
  );
}
