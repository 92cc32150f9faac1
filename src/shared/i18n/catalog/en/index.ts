import { enAudit } from './audit.ts';
import { enAuditExplorer } from './audit-explorer.ts';
import { enCampaigns } from './campaigns.ts';
import { enCreators } from './creators.ts';
import { enEscalations } from './escalations.ts';
import { enInbox } from './inbox.ts';
import { enInsights } from './insights.ts';
import { enLaunch } from './launch.ts';
import { enMail } from './mail.ts';
import { enNotifications } from './notifications.ts';
import { enRetrospective } from './retrospective.ts';
import { enServer } from './server.ts';
import { enTracker } from './tracker.ts';
import { enWeb } from './web.ts';
import { enWebhooks } from './webhooks.ts';

// One language's whole catalogue. The server holds both; the web app loads only the language on screen.
export const en = {
  ...enAudit,
  ...enAuditExplorer,
  ...enServer,
  ...enWeb,
  ...enCampaigns,
  ...enCreators,
  ...enTracker,
  ...enInsights,
  ...enInbox,
  ...enNotifications,
  ...enEscalations,
  ...enWebhooks,
  ...enLaunch,
  ...enMail,
  ...enRetrospective,
} as const;
