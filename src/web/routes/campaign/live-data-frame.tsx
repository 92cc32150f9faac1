import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { insightKeys } from '../../api/insights.ts';
import { RECONNECTED, useCampaignEvents } from './campaign-events.ts';
import { CampaignLayout } from './campaign-layout.tsx';

/** Keeps meetings, the report and the imports of a campaign current while a screen shows them. */
function useLiveCampaignData(campaignId: string) {
  const queryClient = useQueryClient();
  useCampaignEvents(campaignId, (event) => {
    const invalidate = (queryKey: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey });
    if (event.type === RECONNECTED) {
      invalidate(insightKeys.meetings(campaignId));
      invalidate(insightKeys.report(campaignId));
      invalidate(insightKeys.imports(campaignId));
      invalidate(insightKeys.fx(campaignId));
      return;
    }
    if (event.type.startsWith('meeting.')) {
      invalidate(insightKeys.meetings(campaignId));
      return;
    }
    if (event.type === 'import.progress') return;
    if (event.type.startsWith('import.')) {
      invalidate(insightKeys.imports(campaignId));
      invalidate(insightKeys.report(campaignId));
      return;
    }
    if (event.type === 'fx_rates.updated') {
      invalidate(insightKeys.fx(campaignId));
      invalidate(insightKeys.report(campaignId));
      return;
    }
    if (
      event.type === 'metrics.entered' ||
      event.type.startsWith('engagement.') ||
      event.type.startsWith('milestone.') ||
      event.type.startsWith('brief.data')
    ) {
      invalidate(insightKeys.report(campaignId));
    }
  });
}

function LiveCampaignData({ campaignId }: { campaignId: string }) {
  useLiveCampaignData(campaignId);
  return null;
}

/**
 * A meetings or measurement page of a campaign: inside `CampaignLayout`, with the campaign's
 * meetings, report, imports and FX rates kept current from its live stream.
 */
export function LiveDataFrame({
  campaignId,
  active,
  children,
}: {
  campaignId: string;
  active: string;
  children: ReactNode;
}) {
  return (
    <CampaignLayout campaignId={campaignId} active={active}>
      {children}
      <LiveCampaignData campaignId={campaignId} />
    </CampaignLayout>
  );
}
