import { z } from 'zod';
import { flag, list, optionalText } from '../../env-fields.js';
import { definePlatform } from '../contract.js';

/**
 * Teams' settings (`config.teams`), read from the environment: the Azure Bot registration, the admins and the
 * content team's experts (the Azure AD object ids among EXPERT_IDS, which lists every platform's experts; with
 * EXPERTS_FROM_CHANNEL=true also whoever acts from within the experts' channel).
 * TEAMS_ENABLED=false turns Teams off (a Slack-only bot): no `POST /api/messages`, so no unauthenticated entrance.
 */
const settings = z
  .object({
    TEAMS_ENABLED: flag(true),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: optionalText,
    TEAMS_ADMIN_IDS: list,
    EXPERT_IDS: list,
    EXPERTS_FROM_CHANNEL: flag(false),
  })
  .transform((e) => ({
    enabled: e.TEAMS_ENABLED, appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId, adminIds: e.TEAMS_ADMIN_IDS,
    expertIds: e.EXPERT_IDS, expertsFromChannel: e.EXPERTS_FROM_CHANNEL,
  }));

export type TeamsSettings = z.output<typeof settings>;

/** Teams through botbuilder on `POST /api/messages`; without an app id it runs in local mode (no authentication). */
export const teamsPlatform = definePlatform({
  name: 'teams',
  settings,
  access: (s: TeamsSettings) => (!s.enabled ? 'off' : s.appId ? 'authenticated' : 'unauthenticated'),
  hints: { off: 'TEAMS_ENABLED=false: POST /api/messages does not exist', unauthenticated: 'set MicrosoftAppId (and its password), or TEAMS_ENABLED=false for a Slack-only bot' },
  async create(s, context) {
    const { createTeamsAdapter } = await import('./adapter.js');
    return createTeamsAdapter({ ...context, settings: s });
  },
});
