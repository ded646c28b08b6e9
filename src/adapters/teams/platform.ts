import { z } from 'zod';
import { list, optionalText } from '../../env-fields.js';
import { definePlatform } from '../contract.js';

/** Teams' settings (`config.teams`), read from the environment: the Azure Bot registration and the admins. */
const settings = z
  .object({
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: optionalText,
    TEAMS_ADMIN_IDS: list,
  })
  .transform((e) => ({ appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId, adminIds: e.TEAMS_ADMIN_IDS }));

export type TeamsSettings = z.output<typeof settings>;

/** Teams through botbuilder on `POST /api/messages`; without an app id it runs in local mode (no authentication). */
export const teamsPlatform = definePlatform({
  name: 'teams',
  settings,
  access: (s: TeamsSettings) => (s.appId ? 'authenticated' : 'unauthenticated'),
  hints: { unauthenticated: 'set MicrosoftAppId (and its password)' },
  async create(s, context) {
    const { createTeamsAdapter } = await import('./adapter.js');
    return createTeamsAdapter({ ...context, settings: s });
  },
});
