// Validates an OpenAPI document (as `lienthong openapi` writes it) with an independent validator,
// @apidevtools/swagger-parser (OpenAPI 3.0 structure, every $ref resolves), then checks what the
// web UI's generated types rely on: every operation documents its success answer, a JSON answer
// has a schema, every error status answers a schema, and every schema compiles (ajv).
//   node tests/openapi/validate.mjs openapi.json
import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { ResponseSchemas } from './response-schemas.mjs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.mjs OPENAPI_JSON');
  process.exit(2);
}
const doc = JSON.parse(readFileSync(file, 'utf8'));
const problems = [];

try {
  await SwaggerParser.validate(structuredClone(doc));
} catch (e) {
  problems.push(`swagger-parser: ${e.message}`);
}

const schemas = new ResponseSchemas(doc);
let operations = 0;
for (const candidate of schemas.operations) {
  operations += 1;
  const where = `${candidate.method} ${candidate.pattern}`;
  const responses = candidate.operation.responses ?? {};
  const statuses = Object.keys(responses);
  if (!statuses.some((s) => /^2\d\d$/.test(s))) problems.push(`${where}: no success answer`);
  for (const status of statuses) {
    const content = responses[status].content;
    if (status === '204') {
      if (content) problems.push(`${where} → 204: a body on No Content`);
      continue;
    }
    if (!content || Object.keys(content).length === 0) {
      problems.push(`${where} → ${status}: no content described`);
      continue;
    }
    for (const [type, media] of Object.entries(content)) {
      if (!media.schema) problems.push(`${where} → ${status} ${type}: no schema`);
    }
    if (!/^2/.test(status) && !content['application/json']) {
      problems.push(`${where} → ${status}: an error without the JSON error body`);
    }
    try {
      schemas.validator(candidate, status);
    } catch (e) {
      problems.push(`${where} → ${status}: the schema does not compile: ${e.message}`);
    }
  }
}

if (problems.length > 0) {
  for (const p of problems) console.error(`openapi: ${p}`);
  process.exit(1);
}
console.log(`openapi: ${operations} operations and ` +
  `${Object.keys(doc.components?.schemas ?? {}).length} schemas are valid (swagger-parser, ajv)`);
