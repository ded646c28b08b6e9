import { slackPlatform } from './slack/platform.js';
import { teamsPlatform } from './teams/platform.js';

/**
 * Every chat platform the bot runs on. A new platform is a folder in src/adapters/ with its `platform.ts`
 * (settings, access, adapter) and one entry here: its settings become `config.<name>`, its name the metrics
 * label, and the app starts it when its settings turn it on.
 */
export const PLATFORMS = [teamsPlatform, slackPlatform] as const;
