// Loaded only through React.lazy (growth-section.tsx), so recharts stays out of the household page's chunk.
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { formatZ, type GrowthPoint } from './growth-points';

const DAY_MS = 86_400_000;
const STUNTED_COLOR = '#7a5200';
const SEVERE_COLOR = '#b71c1c';

/** Height-for-age z-score over time, with the WHO cut-offs at −2 and −3 SD. */
export default function GrowthChart({ points, title }: { points: readonly GrowthPoint[]; title: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const tick = new Intl.DateTimeFormat(fmt.locale, { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'Asia/Jakarta' });
  const zs = points.map((p) => p.z);
  // Both cut-offs always in view, so a child near them is read against the lines.
  const low = Math.floor(Math.min(-4, ...zs));
  const high = Math.ceil(Math.max(1, ...zs));
  const times = points.map((p) => p.time);
  const domain = [Math.min(...times) - 15 * DAY_MS, Math.max(...times) + 15 * DAY_MS];

  return (
    <div style={{ width: '100%', height: 230 }}>
      <ResponsiveContainer>
        <LineChart data={[...points]} margin={{ top: 12, right: 12, left: 0, bottom: 0 }} accessibilityLayer title={title}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={domain}
            ticks={times}
            interval="preserveStartEnd"
            tickFormatter={(v: number) => tick.format(new Date(v))}
            fontSize={11}
          />
          <YAxis domain={[low, high]} allowDecimals={false} fontSize={11} width={32} />
          <ReferenceLine
            y={-2}
            stroke={STUNTED_COLOR}
            strokeDasharray="6 3"
            label={{ value: t('growth.stuntedLine'), position: 'insideBottomLeft', fontSize: 11, fill: STUNTED_COLOR }}
          />
          <ReferenceLine
            y={-3}
            stroke={SEVERE_COLOR}
            strokeDasharray="6 3"
            label={{ value: t('growth.severelyStuntedLine'), position: 'insideBottomLeft', fontSize: 11, fill: SEVERE_COLOR }}
          />
          <Tooltip
            labelFormatter={(v) => fmt.date(new Date(Number(v)).toISOString())}
            formatter={(v) => [t('evidence.zScoreValue', { value: formatZ(Number(v), fmt.locale) }), t('growth.zScore')]}
          />
          <Line type="monotone" dataKey="z" name={t('growth.zScore')} stroke="#0a5c4a" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
