import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE, printSinergiSchema } from './print-schema.js';

fs.writeFileSync(SCHEMA_FILE, await printSinergiSchema());
console.log(`wrote ${fileURLToPath(SCHEMA_FILE)}`);
