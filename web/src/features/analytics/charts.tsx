import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../../i18n/format';
import { formatCell, type Dataset } from './datasets';

/*
 * The recharts part of the page, a chunk of its own: the filters and the query start before it arrives.
 * Recharts' accessibility layer makes each chart a tab stop whose arrow keys step through the data points
 * (with the tooltip); `title`/`desc` name the SVG for screen readers.
 */

interface ChartProps {
  dataset: Dataset;
  title: string;
  desc: string;
}

const ROW_HEIGHT = 30;
const TICK = { fontSize: 11 };
// Long organisation names would wrap into their neighbours; the tooltip and the table keep them whole.
const MAX_LABEL = 18;
const shortLabel = (v: unknown) => {
  const s = String(v);
  return s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1).trimEnd()}…` : s;
};

/** Horizontal bars: long area and organisation names stay readable on a 360 px phone. */
function BarsChart({ dataset, title, desc, percent = false }: ChartProps & { percent?: boolean }) {
  const fmt = useFormat();
  const kinds = new Map(dataset.columns.map((c) => [c.key, c.kind]));
  const value = (v: number) => (percent ? fmt.percent(v) : fmt.number(v));
  const stacked = dataset.series.length > 1;
  const height = Math.max(160, dataset.rows.length * ROW_HEIGHT + (stacked ? 80 : 48));
  return (
    <div style={{ width: '100%', height }}>
      <ResponsiveContainer>
        <BarChart data={dataset.rows} layout="vertical" margin={{ top: 8, right: 24, left: 4, bottom: 4 }} title={title} desc={desc}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={TICK} allowDecimals={false} domain={percent ? [0, 100] : [0, 'auto']} tickFormatter={value} />
          <YAxis type="category" dataKey={dataset.category} tick={TICK} width={120} interval={0} tickFormatter={shortLabel} />
          <Tooltip formatter={(v, _name, item) => formatCell(kinds.get(String(item.dataKey)) ?? 'count', v == null ? null : Number(v), fmt)} />
          {stacked && <Legend />}
          {dataset.series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={s.stack} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

const monthStart = (ym: string) => Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)) - 1, 1);
const isoMonth = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/** Actual figures and the projection on a time axis, so that the gap to the target date is drawn to scale. */
function TrendChart({ dataset, title, desc }: ChartProps) {
  const fmt = useFormat();
  const rows = dataset.rows.map((r) => ({ ...r, x: monthStart(String(r[dataset.category])) }));
  return (
    <div style={{ width: '100%', height: 280 }}>
      <ResponsiveContainer>
        <LineChart data={rows} margin={{ top: 8, right: 24, left: 0, bottom: 4 }} title={title} desc={desc}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="x" type="number" scale="time" domain={['dataMin', 'dataMax']} tick={TICK} tickFormatter={(v: number) => fmt.month(isoMonth(v))} />
          <YAxis tick={TICK} allowDecimals={false} tickFormatter={(v: number) => fmt.number(v)} />
          <Tooltip labelFormatter={(v) => fmt.month(isoMonth(Number(v)))} formatter={(v) => fmt.number(v == null ? null : Number(v))} />
          <Legend />
          {dataset.series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dashed ? '6 4' : undefined}
              type="linear"
              dot={s.dashed ? { r: 3, strokeDasharray: '0' } : false}
              connectNulls={Boolean(s.dashed)}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export type ChartKind = 'bars' | 'percent-bars' | 'trend';

/** The one export, so that the page lazy-loads a single module. */
export default function Chart({ kind, ...props }: ChartProps & { kind: ChartKind }) {
  if (kind === 'trend') return <TrendChart {...props} />;
  return <BarsChart {...props} percent={kind === 'percent-bars'} />;
}
