// The response schemas of the API's OpenAPI document as ajv validators, shared by validate.mjs
// (every schema compiles) and the browser tests (every JSON answer they see fits its schema), so
// the document says what the server really writes.
import Ajv from 'ajv';

const DOCUMENT_ID = 'openapi.json';

// The document's schemas as JSON Schema: OpenAPI 3.0's `nullable: true` becomes "or null", and
// references point into the components held under DOCUMENT_ID.
export function toJsonSchema(node) {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
      out.$ref = `${DOCUMENT_ID}#/definitions/${value.slice('#/components/schemas/'.length)}`;
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  return node.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

function segments(path) {
  return path.split('/').filter((s) => s !== '');
}

export class ResponseSchemas {
  constructor(doc) {
    this.ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    this.ajv.addSchema({
      $id: DOCUMENT_ID,
      definitions: toJsonSchema(doc.components?.schemas ?? {}),
    });
    this.operations = [];
    for (const [pattern, item] of Object.entries(doc.paths ?? {})) {
      for (const [method, operation] of Object.entries(item)) {
        this.operations.push({ method: method.toUpperCase(), pattern, parts: segments(pattern),
          operation });
      }
    }
    this.validators = new Map();
  }

  // The operation serving `method` `path` ("/api/v1/tasks/7"): the pattern with the most literal
  // segments wins, as in the server's router. null when none.
  match(method, path) {
    const got = segments(path);
    let best = null;
    let bestLiterals = -1;
    for (const candidate of this.operations) {
      if (candidate.method !== method || candidate.parts.length !== got.length) continue;
      let literals = 0;
      const fits = candidate.parts.every((part, i) => {
        if (part.startsWith('{') && part.endsWith('}')) return got[i] !== '';
        literals += 1;
        return part === got[i];
      });
      if (fits && literals > bestLiterals) {
        best = candidate;
        bestLiterals = literals;
      }
    }
    return best;
  }

  // The compiled JSON schema of `operation`'s answer `status` ("200", falling back to
  // "default"); null when that answer has no JSON body, undefined when it is not documented.
  validator(candidate, status) {
    const key = `${candidate.method} ${candidate.pattern} ${status}`;
    if (!this.validators.has(key)) {
      const responses = candidate.operation.responses ?? {};
      const response = responses[status] ?? responses.default;
      let validate;
      if (response) {
        const schema = response.content?.['application/json']?.schema;
        validate = schema ? this.ajv.compile(toJsonSchema(schema)) : null;
      }
      this.validators.set(key, validate);
    }
    return this.validators.get(key);
  }

  // What is wrong with `body` as the answer `status` to `method` `path`: [] when it fits.
  check(method, path, status, body) {
    const candidate = this.match(method, path);
    if (!candidate) return [`${method} ${path}: no operation in the OpenAPI document`];
    const where = `${method} ${candidate.pattern} → ${status}`;
    const validate = this.validator(candidate, String(status));
    if (validate === undefined) return [`${where}: status not documented`];
    if (validate === null) return [`${where}: a JSON body where the document has none`];
    if (validate(body)) return [];
    return validate.errors.slice(0, 5).map((e) =>
      `${where}: ${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}
