import type { ReactNode } from 'react';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';

/** One headline figure: what it is, the number, and how it was counted. */
export function StatCard(props: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  testId: string;
}) {
  return (
    <Paper sx={{ p: 2, height: '100%' }}>
      <Typography variant="body2" color="text.secondary">
        {props.label}
      </Typography>
      <Typography
        variant="h4"
        component="div"
        sx={{ fontWeight: 600, my: 0.5 }}
        data-testid={props.testId}
      >
        {props.value}
      </Typography>
      {props.detail && (
        <Typography variant="body2" color="text.secondary" component="div">
          {props.detail}
        </Typography>
      )}
    </Paper>
  );
}
