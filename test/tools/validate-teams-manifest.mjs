// Validates a Teams manifest (path in argv[2]) against the schema bundled in @microsoft/app-manifest and
// prints the errors as JSON. Runs in plain Node (not jest): the package requires an ESM-only dependency,
// which Node 20.19+ loads but jest's module system does not. No network: the schemas ship in the package.
import { readFileSync } from 'node:fs';
import { AppManifestUtils } from '@microsoft/app-manifest';

const manifest = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const errors = await AppManifestUtils.validateAgainstSchema(manifest);
process.stdout.write(JSON.stringify(errors));
