import { Box, Paper, Typography } from '@mui/material';
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import type { PackagePreview } from '../../sync/packages/packageTypes';
import { FactList } from '../common/FactList';
import { countsText, createdByText, dateRangeText, partyText } from './packageText';
import { formatTime } from './syncText';

/** What a checked, decrypted return package carries, before anything is applied. */
export function PackagePreviewCard(props: {
  fileName: string;
  preview: PackagePreview;
  children: ReactNode;
}) {
  const { t, language } = useT();
  const { manifest, summary, acknowledged, changes } = props.preview;
  const card = useRef<HTMLDivElement>(null);
  // The preview opens below the export's summary: bring it, and its buttons, into view.
  useEffect(() => {
    // A block body: newer Chromium returns a Promise here, which React would take for a cleanup.
    card.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const answered =
    t('packages.value.acknowledged', {
      applied: acknowledged.applied,
      conflicts: acknowledged.conflicts,
      rejected: acknowledged.rejected,
    }) +
    (acknowledged.stillQueued > 0
      ? t('packages.value.stillQueued', { count: acknowledged.stillQueued })
      : '');
  return (
    <Paper ref={card} variant="outlined" sx={{ p: 2 }} data-testid="package-preview">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        {t('packages.import.previewTitle')}
      </Typography>
      <FactList
        labelWidth={120}
        items={[
          [t('packages.fact.file'), props.fileName],
          [t('packages.fact.sender'), partyText(t, manifest.sender)],
          [t('packages.fact.number'), String(manifest.number)],
          [t('packages.fact.createdAt'), formatTime(language, manifest.createdAt)],
          [t('packages.fact.createdBy'), createdByText(t, manifest)],
          [
            t('packages.fact.hqChanges'),
            changes.total === 0
              ? t('words.packages.noHqChanges')
              : t('packages.value.hqChanges', { total: changes.total, new: changes.new }),
          ],
          ...(changes.own > 0
            ? [
                [
                  t('words.packages.ownChanges'),
                  t('words.packages.ownChangesValue', { count: changes.own }),
                ] as [string, string],
              ]
            : []),
          [t('packages.fact.acknowledged'), answered],
          [t('packages.fact.counts'), countsText(t, summary.counts)],
          [t('packages.fact.dateRange'), dateRangeText(t, language, summary.dateRange)],
        ]}
      />
      <Box sx={{ mt: 2 }}>{props.children}</Box>
    </Paper>
  );
}
