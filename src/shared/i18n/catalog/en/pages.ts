import { enAudit } from './audit.ts';
import { enAuditExplorer } from './audit-explorer.ts';
import { enCreators } from './creators.ts';
import { enEscalations } from './escalations.ts';
import { enInsights } from './insights.ts';
import { enLaunch } from './launch.ts';
import { enMail } from './mail.ts';
import { enNotifications } from './notifications.ts';
import { enRetrospective } from './retrospective.ts';
import { enServer } from './server.ts';
import { enTracker } from './tracker.ts';
import { enWebhooks } from './webhooks.ts';

// Everything beyond the first screen (./core.ts): the web app fetches it beside the first page
// that needs it, so the campaign list and sign-in paint without it.
export const enPages = {
  ...enAudit,
  ...enAuditExplorer,
  ...enServer,
  ...enCreators,
  ...enTracker,
  ...enInsights,
  ...enNotifications,
  ...enEscalations,
  ...enWebhooks,
  ...enLaunch,
  ...enMail,
  ...enRetrospective,
} as const;
