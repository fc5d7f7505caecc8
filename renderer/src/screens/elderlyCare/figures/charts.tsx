import Box from '@mui/material/Box';

/**
 * Small charts in plain SVG (no chart library in this desk): a labelled horizontal
 * bar chart, a stacked bar of parts of a whole, and a share bar with a target mark.
 * Each is an image with a text alternative; the numbers are also printed on it.
 */
export interface Bar {
  label: string;
  value: number;
  color: string;
}

const rowHeight = 26;

/** About how wide a label is at 13 px: a Han character 13, anything else ~7.2. */
function labelPx(label: string): number {
  let px = 0;
  for (const ch of label) px += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 13 : 7.2;
  return px;
}

export function BarChart(props: { bars: Bar[]; title: string; width?: number; testId?: string }) {
  // As wide as the longest label (English ones were cut at the left), and the chart wider
  // with it, so the bars keep their room.
  const labelWidth = Math.max(
    60,
    Math.ceil(Math.max(0, ...props.bars.map((b) => labelPx(b.label))) + 12),
  );
  const width = Math.max(props.width ?? 420, labelWidth + 220);
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const barSpace = width - labelWidth - 40;
  const height = props.bars.length * rowHeight + 4;
  return (
    <svg
      role="img"
      aria-label={`${props.title}: ${props.bars.map((b) => `${b.label} ${b.value}`).join(', ')}`}
      width="100%"
      viewBox={`0 0 ${width} ${height}`}
      style={{ maxWidth: width, display: 'block' }}
      data-testid={props.testId}
    >
      {props.bars.map((b, i) => {
        const y = i * rowHeight + 2;
        const w = (b.value / max) * barSpace;
        return (
          <g key={b.label}>
            <text x={labelWidth - 8} y={y + 16} textAnchor="end" fontSize="13" fill="#1f2933">
              {b.label}
            </text>
            <rect x={labelWidth} y={y + 3} width={barSpace} height={18} fill="#f0f2f5" rx={3} />
            <rect x={labelWidth} y={y + 3} width={w} height={18} fill={b.color} rx={3} />
            <text x={labelWidth + w + 6} y={y + 16} fontSize="13" fill="#1f2933">
              {b.value}
            </text>
          </g>
        );
      })}
    </svg>
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

/** A share (per-mille) as a filled bar with the target drawn as a line across it. */
export function ShareBar(props: {
  permille: number | null;
  targetPercent: number;
  met: boolean;
  label: string;
  targetLabel: string;
}) {
  const fill = ((props.permille ?? 0) / 1000) * 400;
  const target = (props.targetPercent / 100) * 400;
  return (
    <svg
      role="img"
      aria-label={`${props.label}; ${props.targetLabel}`}
      width="100%"
      viewBox="0 0 400 44"
      style={{ display: 'block', maxWidth: 520 }}
      data-testid="nursing-share-bar"
    >
      <rect x={0} y={4} width={400} height={22} fill="#f0f2f5" rx={4} />
      <rect x={0} y={4} width={fill} height={22} fill={props.met ? '#2e7d32' : '#c88a00'} rx={4} />
      <line x1={target} x2={target} y1={0} y2={30} stroke="#b3261e" strokeWidth={2} />
      <text
        x={Math.min(Math.max(target, 40), 360)}
        y={42}
        fontSize="12"
        textAnchor="middle"
        fill="#b3261e"
      >
        {props.targetLabel}
      </text>
    </svg>
  );
}
