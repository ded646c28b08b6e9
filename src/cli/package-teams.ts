import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import yazl from 'yazl';

/**
 * `npm run package:teams`: the installable Teams app zip (manifest.json, color.png, outline.png) with the
 * bot id and domain filled in from the environment. IT departments upload this zip.
 */
export interface PackageOptions {
  readonly manifestDir: string;
  readonly outFile: string;
  readonly botId: string;
  readonly appId: string;
  readonly domain: string;
  readonly version?: string;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export async function buildTeamsManifest(opts: PackageOptions): Promise<Record<string, unknown>> {
  if (!GUID.test(opts.botId)) throw new Error(`MicrosoftAppId must be the bot's app id (a GUID); got "${opts.botId}"`);
  if (!GUID.test(opts.appId)) throw new Error(`TEAMS_APP_ID must be a GUID; got "${opts.appId}"`);
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(opts.domain)) throw new Error(`BOT_DOMAIN must be a host name such as bot.gemeente.nl; got "${opts.domain}"`);
  const manifest = JSON.parse(await readFile(path.join(opts.manifestDir, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
    bots: Array<Record<string, unknown>>;
    developer: Record<string, string>;
  };
  manifest['id'] = opts.appId;
  if (opts.version) manifest['version'] = opts.version;
  manifest.bots[0]!['botId'] = opts.botId;
  // the message extension runs on the same bot
  for (const extension of (manifest['composeExtensions'] ?? []) as Array<Record<string, unknown>>) extension['botId'] = opts.botId;
  manifest['validDomains'] = [opts.domain];
  manifest.developer = { ...manifest.developer, websiteUrl: `https://${opts.domain}`, privacyUrl: `https://${opts.domain}/privacy`, termsOfUseUrl: `https://${opts.domain}/voorwaarden` };
  return manifest;
}

export async function packageTeams(opts: PackageOptions): Promise<string> {
  const manifest = await buildTeamsManifest(opts);
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
  for (const icon of ['color.png', 'outline.png']) zip.addBuffer(await readFile(path.join(opts.manifestDir, icon)), icon);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  await writeFile(opts.outFile, Buffer.concat(chunks));
  return opts.outFile;
}
