import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { BoardBuilding } from '../../../db/repositories/elderlyCare/board';
import { useT } from '../../../i18n/useT';
import { BedTile } from './BedTile';

/** One building: a row per floor (top floor first), the rooms of the floor side by side. */
export function BuildingGrid(props: { building: BoardBuilding; onOpen: (bedId: string) => void }) {
  const { t } = useT();
  const { building, floors } = props.building;
  return (
    <Paper sx={{ p: 2 }} data-testid="board-building">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
        {building.name}
      </Typography>
      {floors.map(({ floor, rooms }) => (
        <Box
          key={floor}
          sx={{ display: 'flex', gap: 2, py: 1.25, borderTop: 1, borderColor: 'divider' }}
        >
          <Box sx={{ width: 64, flexShrink: 0, pt: 3, color: 'text.secondary', fontWeight: 600 }}>
            {t('elderly.floorN', { n: floor })}
          </Box>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5 }}>
            {rooms.map(({ room, beds }) => (
              <Box
                key={room.id}
                role="group"
                aria-label={t('elderly.roomN', { room: room.number })}
                sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }}
              >
                <Typography variant="caption" sx={{ display: 'block', mb: 0.5, fontWeight: 600 }}>
                  {t('elderly.roomN', { room: room.number })}
                </Typography>
                <Box sx={{ display: 'flex', gap: 1 }}>
                  {beds.map((entry) => (
                    <BedTile
                      key={entry.bed.id}
                      entry={entry}
                      roomNumber={room.number}
                      onOpen={() => props.onOpen(entry.bed.id)}
                    />
                  ))}
                </Box>
              </Box>
            ))}
          </Box>
        </Box>
      ))}
    </Paper>
  );
}
