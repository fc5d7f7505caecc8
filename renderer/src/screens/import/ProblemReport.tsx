import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { problemGroups, type ProblemGroup, type RowProblem } from '@shared/import/types';
import type { MatchChoice, RegistryMatch } from '../../db/repositories/import/householdImport';
import type { RosterSheet } from '../../db/repositories/import/readSheet';
import { useT } from '../../i18n/useT';
import { problemText } from './problemText';

/** Rows shown per group; the downloaded report has all of them. */
const shownPerGroup = 50;

/**
 * The dry run's problems grouped (required, bad ID, duplicate, in the registry, village,
 * money, date, value), each row with its sheet row number, name and ID; a person already
 * registered with the choice to link or skip.
 */
export function ProblemReport(props: {
  sheet: RosterSheet;
  problems: readonly RowProblem[];
  who: (row: number) => string;
  matches: ReadonlyMap<number, RegistryMatch>;
  choices: ReadonlyMap<number, MatchChoice>;
  onChoose: (rows: number[], choice: MatchChoice) => void;
}) {
  const { t } = useT();
  const groups = new Map<ProblemGroup, RowProblem[]>();
  for (const p of props.problems) {
    const list = groups.get(p.group);
    if (list) list.push(p);
    else groups.set(p.group, [p]);
  }
  return (
    <Stack spacing={1.5} data-testid="import-report">
      {problemGroups.flatMap((group) => {
        const list = groups.get(group);
        if (!list) return [];
        const rows = new Set(list.map((p) => p.row)).size;
        const linkable = list
          .filter((p) => props.matches.get(p.row)?.householdId === null)
          .map((p) => p.row);
        return [
          <Paper key={group} variant="outlined" sx={{ p: 1.5 }} data-testid={`group-${group}`}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                {t(`import.group.${group}`)}
              </Typography>
              <Chip size="small" label={t('import.group.count', { count: rows })} />
              {linkable.length > 1 && (
                <>
                  <Button size="small" onClick={() => props.onChoose(linkable, 'link')}>
                    {t('import.choice.allLink')}
                  </Button>
                  <Button size="small" onClick={() => props.onChoose(linkable, 'skip')}>
                    {t('import.choice.allSkip')}
                  </Button>
                </>
              )}
            </Stack>
            <Table size="small">
              <TableBody>
                {list.slice(0, shownPerGroup).map((p, i) => (
                  <TableRow key={`${p.row}-${i}`}>
                    <TableCell sx={{ width: 90, whiteSpace: 'nowrap' }}>
                      {t('import.row', { row: props.sheet.sheetRowOf[p.row] ?? p.row })}
                    </TableCell>
                    <TableCell sx={{ width: 260 }}>{props.who(p.row)}</TableCell>
                    <TableCell
                      sx={{ color: p.severity === 'error' ? 'error.main' : 'warning.dark' }}
                    >
                      {problemText(t, p, props.sheet)}
                    </TableCell>
                    <TableCell sx={{ width: 250 }}>
                      {props.matches.get(p.row)?.householdId === null && (
                        <ToggleButtonGroup
                          size="small"
                          exclusive
                          value={props.choices.get(p.row) ?? 'skip'}
                          onChange={(_, v: MatchChoice | null) => v && props.onChoose([p.row], v)}
                        >
                          <ToggleButton value="link" data-testid={`link-${p.row}`}>
                            {t('import.choice.link')}
                          </ToggleButton>
                          <ToggleButton value="skip">{t('import.choice.skip')}</ToggleButton>
                        </ToggleButtonGroup>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {list.length > shownPerGroup && (
              <Typography variant="body2" color="text.secondary">
                {t('import.group.more', { count: list.length - shownPerGroup })}
              </Typography>
            )}
          </Paper>,
        ];
      })}
    </Stack>
  );
}
