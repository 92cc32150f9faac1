import { ruAudit } from './audit.ts';
import { ruAuditExplorer } from './audit-explorer.ts';
import { ruCampaigns } from './campaigns.ts';
import { ruCreators } from './creators.ts';
import { ruEscalations } from './escalations.ts';
import { ruInbox } from './inbox.ts';
import { ruInsights } from './insights.ts';
import { ruLaunch } from './launch.ts';
import { ruMail } from './mail.ts';
import { ruNotifications } from './notifications.ts';
import { ruRetrospective } from './retrospective.ts';
import { ruServer } from './server.ts';
import { ruTracker } from './tracker.ts';
import { ruWeb } from './web.ts';
import { ruWebhooks } from './webhooks.ts';

// One language's whole catalogue. The server holds both; the web app loads only the language on screen.
export const ru = {
  ...ruAudit,
  ...ruAuditExplorer,
  ...ruServer,
  ...ruWeb,
  ...ruCampaigns,
  ...ruCreators,
  ...ruTracker,
  ...ruInsights,
  ...ruInbox,
  ...ruNotifications,
  ...ruEscalations,
  ...ruWebhooks,
  ...ruLaunch,
  ...ruMail,
  ...ruRetrospective,
};
