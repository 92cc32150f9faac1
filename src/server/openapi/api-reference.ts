/**
 * docs/api.md: a hand-written introduction followed by a reference generated from the OpenAPI
 * document (`npm run docs:api`). test/api/api-reference.test.ts fails when the file is stale.
 */
export const GENERATED_MARKER =
  '<!-- Everything below is generated from the OpenAPI document by `npm run docs:api`. -->';

interface SchemaObject {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  anyOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  nullable?: boolean;
  description?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Array<{
    name: string;
    in: string;
    required?: boolean;
    schema?: SchemaObject;
    description?: string;
  }>;
  requestBody?: { content?: Record<string, { schema?: SchemaObject }>; required?: boolean };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: SchemaObject }> }>;
}
export interface OpenApiDocument {
  info?: { title?: string; version?: string };
  paths?: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function typeOf(schema: SchemaObject | undefined): string {
  if (!schema) return 'any';
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum) return schema.enum.map((value) => `\`${String(value)}\``).join(' \\| ');
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map(typeOf).join(' \\| ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const named = types.map((type) => {
    if (type === 'array') return `${typeOf(schema.items)}[]`;
    if (type === 'string' && schema.format) return `string (${schema.format})`;
    return type;
  });
  if (schema.nullable) named.push('null');
  return named.join(' \\| ') || 'object';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function fieldsTable(schema: SchemaObject): string[] {
  const properties = schema.properties ?? {};
  const names = Object.keys(properties);
  if (names.length === 0) return [`Body: ${typeOf(schema)}`, ''];
  const required = new Set(schema.required ?? []);
  return [
    '| Field | Type | Required |',
    '| --- | --- | --- |',
    ...names.map(
      (name) => `| \`${name}\` | ${typeOf(properties[name])} | ${required.has(name) ? 'yes' : 'no'} |`,
    ),
    '',
  ];
}

/** The generated part of docs/api.md, from the document served at /api/openapi.json. */
export function renderApiReference(document: OpenApiDocument): string {
  const lines: string[] = [
    GENERATED_MARKER,
    '',
    `## Route reference (${document.info?.title ?? 'API'} ${document.info?.version ?? ''})`.trimEnd(),
    '',
  ];
  const byTag = new Map<string, string[]>();
  for (const [route, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? 'Other';
      const block: string[] = [`### ${method.toUpperCase()} \`${route}\``, ''];
      if (operation.summary) block.push(cell(operation.summary), '');
      const auth =
        operation.security && operation.security.length === 0
          ? 'none'
          : 'session cookie or Bearer token (the default; see the introduction for public routes)';
      block.push(`Auth: ${auth}`, '');
      const parameters = operation.parameters ?? [];
      if (parameters.length > 0) {
        block.push('| Parameter | In | Type | Required |', '| --- | --- | --- | --- |');
        for (const p of parameters)
          block.push(`| \`${p.name}\` | ${p.in} | ${typeOf(p.schema)} | ${p.required ? 'yes' : 'no'} |`);
        block.push('');
      }
      const content = operation.requestBody?.content ?? {};
      for (const [type, media] of Object.entries(content)) {
        block.push(`Request body (\`${type}\`):`, '');
        if (media.schema) block.push(...fieldsTable(media.schema));
      }
      const responses = Object.entries(operation.responses ?? {});
      if (responses.length > 0) {
        block.push(
          `Responses: ${responses.map(([status, response]) => `${status}${response.description && response.description !== 'Default Response' ? ` (${cell(response.description)})` : ''}`).join(', ')}`,
          '',
        );
      }
      byTag.set(tag, [...(byTag.get(tag) ?? []), ...block]);
    }
  }
  for (const [tag, block] of [...byTag].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`## ${tag}`, '', ...block);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Keeps the hand-written introduction (everything above the marker) and replaces the rest. */
export function mergeApiReference(existing: string, generated: string): string {
  const at = existing.indexOf(GENERATED_MARKER);
  const introduction = at === -1 ? existing : existing.slice(0, at);
  return `${introduction.trimEnd()}\n\n${generated}`;
}
