import { ruAudit } from './audit.ts';
import { ruAuditExplorer } from './audit-explorer.ts';
import { ruCreators } from './creators.ts';
import { ruEscalations } from './escalations.ts';
import { ruInsights } from './insights.ts';
import { ruLaunch } from './launch.ts';
import { ruMail } from './mail.ts';
import { ruNotifications } from './notifications.ts';
import { ruRetrospective } from './retrospective.ts';
import { ruServer } from './server.ts';
import { ruTracker } from './tracker.ts';
import { ruWebhooks } from './webhooks.ts';

// Everything beyond the first screen (./core.ts): the web app fetches it beside the first page
// that needs it, so the campaign list and sign-in paint without it.
export const ruPages = {
  ...ruAudit,
  ...ruAuditExplorer,
  ...ruServer,
  ...ruCreators,
  ...ruTracker,
  ...ruInsights,
  ...ruNotifications,
  ...ruEscalations,
  ...ruWebhooks,
  ...ruLaunch,
  ...ruMail,
  ...ruRetrospective,
};
