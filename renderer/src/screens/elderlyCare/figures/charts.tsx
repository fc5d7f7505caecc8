import Box from '@mui/material/Box';

/**
 * Small charts without a chart library: a labelled horizontal bar chart (boxes), a
 * stacked bar of parts of a whole (plain SVG) and a share bar with a target mark (boxes).
 * Each is an image with a text alternative; the numbers are also printed on it.
 */
export interface Bar {
  label: string;
  value: number;
  color: string;
}

/**
 * Labelled horizontal bars. Laid out as a grid of text and boxes, not an SVG: an SVG
 * scales its text with the chart, and English labels (longer) either were cut at the
 * left or, with the chart widened for them, shrank to 9 px at a 1024-pixel window. Here
 * the labels keep the page's text size and wrap when they must; the bars take the rest.
 */
export function BarChart(props: { bars: Bar[]; title: string; width?: number; testId?: string }) {
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  return (
    <Box
      role="img"
      aria-label={`${props.title}: ${props.bars.map((b) => `${b.label} ${b.value}`).join(', ')}`}
      data-testid={props.testId}
      sx={{
        display: 'grid',
        gridTemplateColumns: 'minmax(4em, max-content) minmax(80px, 1fr)',
        columnGap: 1,
        rowGap: 0.5,
        alignItems: 'center',
        maxWidth: props.width ?? 520,
        fontSize: 13,
        color: '#1f2933',
      }}
    >
      {props.bars.map((b) => (
        <Box key={b.label} sx={{ display: 'contents' }}>
          <Box aria-hidden sx={{ textAlign: 'right', lineHeight: 1.3 }}>
            {b.label}
          </Box>
          <Box aria-hidden sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
            {/* Drawn in their colours in Windows' high contrast too (forced colours
                replace backgrounds, and the bars vanished). */}
            <Box
              sx={{
                flex: 1,
                height: 18,
                bgcolor: '#f0f2f5',
                borderRadius: 0.75,
                forcedColorAdjust: 'none',
              }}
            >
              <Box
                sx={{
                  width: `${(b.value / max) * 100}%`,
                  height: '100%',
                  bgcolor: b.color,
                  borderRadius: 0.75,
                }}
              />
            </Box>
            <Box sx={{ minWidth: '2.5em', fontVariantNumeric: 'tabular-nums' }}>{b.value}</Box>
          </Box>
        </Box>
      ))}
    </Box>
  );
}

/** Parts of a whole side by side in one bar (e.g. beds by status), with a legend. */
export function StackedBar(props: { parts: Bar[]; title: string; testId?: string }) {
  const total = props.parts.reduce((sum, p) => sum + p.value, 0);
  const widths = props.parts.map((p) => (total === 0 ? 0 : (p.value / total) * 400));
  const starts = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
  return (
    <Box>
      <svg
        role="img"
        aria-label={`${props.title}: ${props.parts.map((p) => `${p.label} ${p.value}`).join(', ')}`}
        width="100%"
        height={28}
        viewBox="0 0 400 28"
        preserveAspectRatio="none"
        style={{ display: 'block', maxWidth: 520 }}
        data-testid={props.testId}
      >
        <rect x={0} y={0} width={400} height={28} fill="#f0f2f5" rx={4} />
        {props.parts.map((p, i) => (
          <rect key={p.label} x={starts[i]} y={0} width={widths[i]} height={28} fill={p.color} />
        ))}
      </svg>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mt: 1, fontSize: 13 }}>
        {props.parts.map((p) => (
          <Box key={p.label} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
            <Box sx={{ width: 12, height: 12, bgcolor: p.color, borderRadius: 0.5 }} />
            {p.label} {p.value}
          </Box>
        ))}
      </Box>
    </Box>
  );
}

/**
 * A share (per-mille) as a filled bar with the target drawn as a line across it. Boxes
 * and text, as BarChart is: as an SVG its target words scaled with the chart, to ~10 px
 * at a 1024-pixel window.
 */
export function ShareBar(props: {
  permille: number | null;
  targetPercent: number;
  met: boolean;
  label: string;
  targetLabel: string;
}) {
  const filled = Math.min(100, Math.max(0, (props.permille ?? 0) / 10));
  const target = Math.min(100, Math.max(0, props.targetPercent));
  // The target's words centred under its line, kept inside the bar's ends.
  const anchor = target < 15 ? 'left' : target > 85 ? 'right' : 'centre';
  return (
    <Box
      role="img"
      aria-label={`${props.label}; ${props.targetLabel}`}
      data-testid="nursing-share-bar"
      sx={{ position: 'relative', maxWidth: 520, pt: '4px' }}
    >
      {/* The bar and the line keep their colours in Windows' high contrast (forced colours
          replace backgrounds, and they vanished); the words take the mode's own colour. */}
      <Box
        aria-hidden
        sx={{ height: 22, bgcolor: '#f0f2f5', borderRadius: 1, forcedColorAdjust: 'none' }}
      >
        <Box
          sx={{
            width: `${filled}%`,
            height: '100%',
            bgcolor: props.met ? '#2e7d32' : '#c88a00',
            borderRadius: 1,
          }}
        />
      </Box>
      <Box
        aria-hidden
        sx={{
          position: 'absolute',
          top: 0,
          left: `${target}%`,
          width: 2,
          height: 30,
          ml: '-1px',
          bgcolor: '#b3261e',
          forcedColorAdjust: 'none',
        }}
      />
      <Box
        aria-hidden
        sx={{
          position: 'relative',
          mt: '6px',
          height: '1.4em',
          fontSize: 13,
          color: '#b3261e',
          whiteSpace: 'nowrap',
        }}
      >
        <Box
          component="span"
          sx={{
            position: 'absolute',
            ...(anchor === 'right' ? { right: `${100 - target}%` } : { left: `${target}%` }),
            transform: anchor === 'centre' ? 'translateX(-50%)' : undefined,
          }}
        >
          {props.targetLabel}
        </Box>
      </Box>
    </Box>
  );
}
