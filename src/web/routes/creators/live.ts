import { useQueryClient } from '@tanstack/react-query';
import { creatorKeys } from '../../api/creators.ts';
import { useCampaignEvents } from '../campaign/campaign-events.ts';

/** Keeps the campaign's creators, agreements, drafts and market rules current on every open screen. */
export function useCreatorsLiveUpdates(campaignId: string) {
  const queryClient = useQueryClient();
  useCampaignEvents(campaignId, (event) => {
    const type = event.type;
    if (
      type.startsWith('engagement.') ||
      type.startsWith('agreement.') ||
      type.startsWith('submission.') ||
      type === 'brief.data_edited' ||
      type === 'stream.reconnected'
    ) {
      void queryClient.invalidateQueries({ queryKey: creatorKeys.engagements(campaignId) });
    }
    if (type.startsWith('market_policy.') || type === 'stream.reconnected') {
      void queryClient.invalidateQueries({ queryKey: creatorKeys.policies(campaignId) });
    }
  });
}
