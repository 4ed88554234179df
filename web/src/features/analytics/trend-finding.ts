import type { TFunction } from 'i18next';
import type { Formatters } from '../../i18n/format';
import type { Trend } from './datasets';

/**
 * What the trend says, in the analytics page's words: whether the projection reaches zero by the target
 * date, and when the fitted line reaches zero.
 */
export function trendFinding(
  trend: Pick<Trend, 'onTrack' | 'targetDate' | 'projectedAtTarget' | 'projectedZeroDate'>,
  t: TFunction,
  fmt: Formatters,
): { status: string; zeroDate: string | null } {
  const date = fmt.date(trend.targetDate);
  let status: string;
  if (trend.onTrack) status = t('analytics.trend.onTrack', { date });
  // Fewer than two months of history: no line to project, which is not "0 households left".
  else if (trend.projectedAtTarget === null) status = t('analytics.trend.noProjection', { date });
  else status = t('analytics.trend.offTrack', { date, value: fmt.number(Math.max(0, Math.round(trend.projectedAtTarget))) });
  return { status, zeroDate: trend.projectedZeroDate ? t('analytics.trend.zeroDate', { date: fmt.date(trend.projectedZeroDate) }) : null };
}
