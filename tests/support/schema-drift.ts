// Compares a Prisma datamodel with what the migrations actually built in PostgreSQL.
// The migrations are hand-written (no schema engine here), so nothing else notices when
// schema.prisma says one thing and migration.sql did another; the generated client would
// then send queries the database rejects, or silently rely on defaults that do not exist.
import { getDMMF } from "@prisma/internals";
import pg from "pg";

type Document = Awaited<ReturnType<typeof getDMMF>>;
type Datamodel = Document["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];

export type FindSchemaDriftOptions = {
  /** Prisma schema text (the whole file, generator and datasource blocks included). */
  datamodel: string;
  connectionString: string;
};

type DbColumn = {
  table: string;
  column: string;
  type: string;
  not_null: boolean;
  default_expr: string | null;
  identity: string;
};
type DbIndex = {
  table: string;
  name: string;
  is_unique: boolean;
  is_primary: boolean;
  /** null for an expression column */
  columns: (string | null)[];
  descending: boolean[];
  is_partial: boolean;
};
type DbForeignKey = {
  table: string;
  name: string;
  columns: string[];
  ref_table: string;
  ref_columns: string[];
  on_delete: string;
  on_update: string;
};
type DbEnum = { name: string; labels: string[] };

type Catalog = {
  tables: string[];
  columns: DbColumn[];
  indexes: DbIndex[];
  foreignKeys: DbForeignKey[];
  enums: DbEnum[];
};

/** Prisma's own bookkeeping table is not part of the datamodel. */
const IGNORED_TABLES = new Set(["_prisma_migrations"]);

const readCatalog = async (connectionString: string): Promise<Catalog> => {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1`,
    );
    const columns = await client.query<DbColumn>(
      `SELECT c.relname::text AS table, a.attname::text AS column, format_type(a.atttypid, a.atttypmod) AS type,
              a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_expr, a.attidentity::text AS identity
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY c.relname, a.attnum`,
    );
    const indexes = await client.query<DbIndex>(
      `SELECT t.relname::text AS table, i.relname::text AS name, x.indisunique AS is_unique, x.indisprimary AS is_primary,
              ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum AND k.attnum > 0
                    ORDER BY k.ord) AS columns,
              ARRAY(SELECT (o.opt & 1) = 1 FROM unnest(x.indoption::int2[]) WITH ORDINALITY AS o(opt, ord)
                    ORDER BY o.ord) AS descending,
              x.indpred IS NOT NULL AS is_partial
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = current_schema()
       ORDER BY t.relname, i.relname`,
    );
    const foreignKeys = await client.query<DbForeignKey>(
      `SELECT t.relname::text AS table, con.conname::text AS name,
              ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
              r.relname::text AS ref_table,
              ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns,
              con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
       FROM pg_constraint con
       JOIN pg_class t ON t.oid = con.conrelid
       JOIN pg_class r ON r.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = current_schema() AND con.contype = 'f'
       ORDER BY t.relname, con.conname`,
    );
    const enums = await client.query<DbEnum>(
      `SELECT t.typname::text AS name, ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = current_schema() AND t.typtype = 'e'
       ORDER BY 1`,
    );
    return {
      tables: tables.rows.map((row) => row.name).filter((name) => !IGNORED_TABLES.has(name)),
      columns: columns.rows.filter((row) => !IGNORED_TABLES.has(row.table)),
      indexes: indexes.rows.filter((row) => !IGNORED_TABLES.has(row.table)),
      foreignKeys: foreignKeys.rows,
      enums: enums.rows,
    };
  } finally {
    await client.end();
  }
};

// --- Expected shape, derived from the DMMF --------------------------------------------

const tableName = (model: Model): string => model.dbName ?? model.name;
const columnName = (field: Field): string => field.dbName ?? field.name;

/** How format_type() prints a type name: quoted unless it is a plain lower-case identifier. */
const quoteIdent = (name: string): string => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`);

/** Prisma's default PostgreSQL column type for each scalar (what `prisma migrate` would create). */
const DEFAULT_SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

const withPrecision = (base: string, args: readonly string[], suffix = ""): string =>
  `${base}${args.length > 0 ? `(${args.join(",")})` : ""}${suffix}`;

/** `@db.X(args)` → format_type() spelling. */
const nativeTypeSql = (name: string, args: readonly string[]): string | undefined => {
  switch (name) {
    case "Text": return "text";
    case "Uuid": return "uuid";
    case "VarChar": return withPrecision("character varying", args);
    case "Char": return withPrecision("character", args.length > 0 ? args : ["1"]);
    case "Citext": return "citext";
    case "Inet": return "inet";
    case "Xml": return "xml";
    case "Bit": return withPrecision("bit", args.length > 0 ? args : ["1"]);
    case "VarBit": return withPrecision("bit varying", args);
    case "Integer": return "integer";
    case "SmallInt": return "smallint";
    case "Oid": return "oid";
    case "BigInt": return "bigint";
    case "DoublePrecision": return "double precision";
    case "Real": return "real";
    case "Decimal": return withPrecision("numeric", args);
    case "Money": return "money";
    case "Boolean": return "boolean";
    case "Timestamp": return withPrecision("timestamp", args, " without time zone");
    case "Timestamptz": return withPrecision("timestamp", args, " with time zone");
    case "Date": return "date";
    case "Time": return withPrecision("time", args, " without time zone");
    case "Timetz": return withPrecision("time", args, " with time zone");
    case "Json": return "json";
    case "JsonB": return "jsonb";
    case "ByteA": return "bytea";
    default: return undefined;
  }
};

const expectedColumnType = (field: Field, datamodel: Datamodel): string | undefined => {
  let base: string | undefined;
  if (field.kind === "enum") {
    const enumType = datamodel.enums.find((candidate) => candidate.name === field.type);
    base = quoteIdent(enumType?.dbName ?? field.type);
  } else if (field.nativeType) {
    base = nativeTypeSql(field.nativeType[0], field.nativeType[1]);
  } else {
    base = DEFAULT_SCALAR_TYPES[field.type];
  }
  if (base === undefined) return undefined;
  return field.isList ? `${base}[]` : base;
};

/** Client-side generators: Prisma fills these in the query, the column has no default. */
const CLIENT_SIDE_DEFAULTS = new Set(["uuid", "cuid", "nanoid", "ulid"]);

type ExpectedDefault =
  | { kind: "none" }
  | { kind: "now" }
  | { kind: "autoincrement" }
  | { kind: "dbgenerated"; expression: string | undefined }
  | { kind: "literal"; value: string | number | boolean | readonly (string | number | boolean)[] }
  | { kind: "unknown"; description: string };

const expectedDefault = (field: Field): ExpectedDefault => {
  const value = field.default;
  if (value === undefined || field.isUpdatedAt) return { kind: "none" };
  if (typeof value === "object" && !Array.isArray(value) && "name" in value) {
    if (value.name === "now") return { kind: "now" };
    if (value.name === "autoincrement") return { kind: "autoincrement" };
    if (value.name === "dbgenerated") return { kind: "dbgenerated", expression: value.args[0]?.toString() };
    if (CLIENT_SIDE_DEFAULTS.has(value.name)) return { kind: "none" };
    return { kind: "unknown", description: `${value.name}(${value.args.join(", ")})` };
  }
  return { kind: "literal", value: value as string | number | boolean | readonly (string | number | boolean)[] };
};

const normaliseSql = (expression: string): string => expression.replace(/\s+/g, " ").trim().toLowerCase();

/** `'x'::text`, `('-1'::integer)`, `'{}'::jsonb` → the bare literal text. */
const stripLiteral = (expression: string): string => {
  let text = expression.trim();
  while (text.startsWith("(") && text.endsWith(")")) text = text.slice(1, -1).trim();
  // Casts at the end: ::text, ::"Role", ::character varying, ::timestamp(3) without time zone, ::text[]
  text = text.replace(/(::(?:"[^"]+"|[a-z_][a-z0-9_ ]*)(?:\(\d+(?:,\d+)?\))?(?: with(?:out)? time zone)?(?:\[\])?)+$/i, "");
  if (text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).replaceAll("''", "'");
  return text;
};

/** Splits `ARRAY['a'::text, 'b'::text]` or `'{a,b}'::text[]` into literal strings. */
const arrayElements = (expression: string): string[] | undefined => {
  const trimmed = expression.trim();
  const array = /^ARRAY\[(.*?)\](::[^[\]]*(\[\])?)?$/is.exec(trimmed);
  if (array) {
    const inner = array[1] ?? "";
    return inner.trim() === "" ? [] : (inner.match(/'(?:[^']|'')*'[^,]*|[^,]+/g) ?? []).map(stripLiteral);
  }
  const braces = stripLiteral(trimmed);
  if (braces.startsWith("{") && braces.endsWith("}")) {
    const inner = braces.slice(1, -1);
    return inner === "" ? [] : inner.split(",").map((item) => item.replace(/^"(.*)"$/, "$1"));
  }
  return undefined;
};

const literalMatches = (field: Field, expected: string | number | boolean, actual: string, datamodel: Datamodel): boolean => {
  if (field.kind === "enum") {
    const enumType = datamodel.enums.find((candidate) => candidate.name === field.type);
    const dbValue = enumType?.values.find((value) => value.name === expected)?.dbName ?? expected;
    return actual === dbValue;
  }
  switch (field.type) {
    case "Int":
    case "BigInt":
    case "Float":
    case "Decimal":
      return Number(actual) === Number(expected);
    case "Boolean":
      return actual.toLowerCase() === String(expected);
    case "DateTime": {
      // timestamp without time zone prints no offset; Prisma stores UTC.
      const parse = (text: string) => Date.parse(/[zZ]|[+-]\d\d(:?\d\d)?$/.test(text) ? text : `${text.replace(" ", "T")}Z`);
      return parse(actual) === parse(String(expected));
    }
    case "Json":
      try {
        return JSON.stringify(JSON.parse(actual)) === JSON.stringify(JSON.parse(String(expected)));
      } catch {
        return actual === String(expected);
      }
    default:
      return actual === String(expected);
  }
};

const describeExpectedDefault = (expected: ExpectedDefault): string => {
  switch (expected.kind) {
    case "none": return "no default";
    case "now": return "DEFAULT CURRENT_TIMESTAMP (now())";
    case "autoincrement": return "a sequence default (autoincrement())";
    case "dbgenerated": return `DEFAULT ${expected.expression ?? "(any expression)"} (dbgenerated)`;
    case "literal": return `DEFAULT ${JSON.stringify(expected.value)}`;
    case "unknown": return expected.description;
  }
};

const defaultMatches = (field: Field, expected: ExpectedDefault, column: DbColumn, datamodel: Datamodel): boolean => {
  const actual = column.default_expr;
  switch (expected.kind) {
    case "none":
      return actual === null && column.identity === "";
    case "now":
      return actual !== null && ["current_timestamp", "now()", "current_timestamp(3)"].includes(normaliseSql(actual));
    case "autoincrement":
      return (actual !== null && /^nextval\(/i.test(actual)) || column.identity !== "";
    case "dbgenerated":
      if (actual === null) return false;
      if (expected.expression === undefined) return true;
      return (
        normaliseSql(actual) === normaliseSql(expected.expression) ||
        normaliseSql(stripLiteral(actual)) === normaliseSql(stripLiteral(expected.expression))
      );
    case "literal": {
      if (actual === null) return false;
      const { value } = expected;
      if (typeof value === "object") {
        const elements = arrayElements(actual);
        return (
          elements !== undefined &&
          elements.length === value.length &&
          elements.every((element, index) => {
            const item = value[index];
            return item !== undefined && literalMatches(field, item, element, datamodel);
          })
        );
      }
      return literalMatches(field, value, stripLiteral(actual), datamodel);
    }
    case "unknown":
      // We cannot tell what the database should hold; say so instead of passing silently.
      return false;
  }
};

const ON_DELETE_CODES: Record<string, string> = { Cascade: "c", Restrict: "r", NoAction: "a", SetNull: "n", SetDefault: "d" };
const ON_DELETE_NAMES: Record<string, string> = { c: "Cascade", r: "Restrict", a: "NoAction", n: "SetNull", d: "SetDefault" };

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((item, index) => item === b[index]);
const list = (items: readonly (string | null)[]): string => `(${items.map((item) => item ?? "<expression>").join(", ")})`;

/** Prisma's default constraint name; past 63 bytes Prisma truncates, which we do not model. */
const defaultIndexName = (table: string, columns: readonly string[], suffix: "pkey" | "key" | "idx"): string | undefined => {
  const name = suffix === "pkey" ? `${table}_pkey` : `${table}_${columns.join("_")}_${suffix}`;
  return Buffer.byteLength(name) <= 63 ? name : undefined;
};

type UnsupportedField = { name: string; column: string; type: string; isRequired: boolean };

/** `Unsupported("…")` fields (e.g. tsvector), which Prisma's datamodel leaves out of a model's fields: read from the schema text. */
const unsupportedFields = (schemaText: string, modelName: string): UnsupportedField[] => {
  const body = new RegExp(`^model ${modelName} \\{$([\\s\\S]*?)^\\}$`, "m").exec(schemaText)?.[1] ?? "";
  return [...body.matchAll(/^\s+(\w+)\s+Unsupported\("([^"]+)"\)(\?)?[^\n]*$/gm)].map(([line, name, type, optional]) => ({
    name: name!,
    column: /@map\("([^"]+)"\)/.exec(line)?.[1] ?? name!,
    type: type!,
    isRequired: optional === undefined,
  }));
};

/**
 * Every difference between the datamodel and the database, one readable line each; an
 * empty list means the migrations built exactly what schema.prisma describes (as far as
 * Prisma's datamodel can say: CHECK constraints, triggers and functions are out of scope).
 */
export const findSchemaDrift = async ({ datamodel: schemaText, connectionString }: FindSchemaDriftOptions): Promise<string[]> => {
  const { datamodel } = await getDMMF({ datamodel: schemaText });
  const catalog = await readCatalog(connectionString);
  const problems: string[] = [];
  const modelByName = new Map(datamodel.models.map((model) => [model.name, model]));

  // Enums
  const expectedEnums = new Set<string>();
  for (const enumType of datamodel.enums) {
    const name = enumType.dbName ?? enumType.name;
    expectedEnums.add(name);
    const actual = catalog.enums.find((candidate) => candidate.name === name);
    const values = enumType.values.map((value) => value.dbName ?? value.name);
    if (!actual) problems.push(`Enum ${enumType.name}: type "${name}" is missing in the database.`);
    else if (!sameList(actual.labels, values)) {
      problems.push(`Enum ${enumType.name}: database values ${list(actual.labels)}, schema.prisma expects ${list(values)} (same order).`);
    }
  }
  for (const actual of catalog.enums) {
    if (!expectedEnums.has(actual.name)) problems.push(`Enum type "${actual.name}" exists in the database but not in schema.prisma.`);
  }

  const expectedTables = new Set<string>();
  const matchedIndexes = new Set<DbIndex>();
  const matchedForeignKeys = new Set<DbForeignKey>();

  for (const model of datamodel.models) {
    const table = tableName(model);
    expectedTables.add(table);
    const where = `Model ${model.name} (table "${table}")`;
    if (!catalog.tables.includes(table)) {
      problems.push(`${where}: table is missing in the database.`);
      continue;
    }

    // Columns
    const scalarFields = model.fields.filter((field) => field.kind !== "object");
    const columns = catalog.columns.filter((column) => column.table === table);
    const unsupported = unsupportedFields(schemaText, model.name);
    const fieldColumn = new Map([...model.fields.map((field) => [field.name, columnName(field)] as const), ...unsupported.map((field) => [field.name, field.column] as const)]);
    for (const field of unsupported) {
      const label = `${where}, field ${field.name} (column "${field.column}")`;
      const column = columns.find((candidate) => candidate.column === field.column);
      if (!column) problems.push(`${label}: column is missing in the database.`);
      else if (column.type !== field.type) problems.push(`${label}: database type is ${column.type}, schema.prisma expects ${field.type}.`);
      else if (column.not_null !== field.isRequired) problems.push(`${label}: database column is ${column.not_null ? "NOT NULL" : "nullable"}, schema.prisma says ${field.isRequired ? "required" : "optional"}.`);
    }
    for (const field of scalarFields) {
      const name = columnName(field);
      const label = `${where}, field ${field.name} (column "${name}")`;
      const column = columns.find((candidate) => candidate.column === name);
      if (!column) {
        problems.push(`${label}: column is missing in the database.`);
        continue;
      }
      if (field.kind !== "unsupported") {
        const type = expectedColumnType(field, datamodel);
        if (type === undefined) {
          problems.push(`${label}: the drift check does not know the type ${field.type}${field.nativeType ? ` @db.${field.nativeType[0]}` : ""}; teach tests/support/schema-drift.ts.`);
        } else if (column.type !== type) {
          problems.push(`${label}: database type is ${column.type}, schema.prisma expects ${type}.`);
        }
      }
      // Prisma creates list columns without NOT NULL and does not compare their nullability.
      if (!field.isList && column.not_null !== field.isRequired) {
        problems.push(`${label}: database column is ${column.not_null ? "NOT NULL" : "nullable"}, schema.prisma says ${field.isRequired ? "required" : "optional"}.`);
      }
      const expected = expectedDefault(field);
      if (!defaultMatches(field, expected, column, datamodel)) {
        const actual = column.identity !== "" ? `GENERATED ${column.identity === "a" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY` : column.default_expr === null ? "no default" : `DEFAULT ${column.default_expr}`;
        problems.push(`${label}: database has ${actual}, schema.prisma expects ${describeExpectedDefault(expected)}.`);
      }
    }
    const expectedColumns = new Set([...scalarFields.map(columnName), ...unsupported.map((field) => field.column)]);
    for (const column of columns) {
      if (!expectedColumns.has(column.column)) problems.push(`${where}: column "${column.column}" exists in the database but not in schema.prisma.`);
    }

    // Primary key, unique constraints and indexes (DMMF lists @id, @@id, @unique, @@unique, @@index here).
    const tableIndexes = catalog.indexes.filter((index) => index.table === table);
    for (const index of datamodel.indexes.filter((candidate) => candidate.model === model.name)) {
      if (index.type === "fulltext") continue; // MySQL only
      const indexColumns = index.fields.map((field) => fieldColumn.get(field.name) ?? field.name);
      const descending = index.fields.map((field) => field.sortOrder === "desc");
      const kind = index.type === "id" ? "primary key" : index.type === "unique" ? "unique index" : "index";
      const candidates = tableIndexes.filter(
        (candidate) =>
          !candidate.is_partial &&
          sameList(candidate.columns, indexColumns) &&
          (index.type === "id" ? candidate.is_primary : !candidate.is_primary && candidate.is_unique === (index.type === "unique")),
      );
      const expectedName = index.dbName ?? defaultIndexName(table, indexColumns, index.type === "id" ? "pkey" : index.type === "unique" ? "key" : "idx");
      // Two indexes on the same columns (a b-tree and a trigram GIN index): match them by name first.
      const found =
        candidates.find((candidate) => candidate.name === expectedName && sameList(candidate.descending, descending)) ??
        candidates.find((candidate) => sameList(candidate.descending, descending)) ??
        candidates[0];
      if (!found) {
        problems.push(`${where}: ${kind} on ${list(indexColumns)} is missing in the database.`);
        continue;
      }
      matchedIndexes.add(found);
      if (!sameList(found.descending, descending)) {
        problems.push(`${where}: ${kind} "${found.name}" has a different sort order than schema.prisma on ${list(indexColumns)}.`);
      }
      // A differently named index makes `prisma migrate diff` want to rename it.
      if (expectedName !== undefined && found.name !== expectedName) {
        problems.push(`${where}: ${kind} on ${list(indexColumns)} is named "${found.name}" in the database, Prisma expects "${expectedName}".`);
      }
    }

    // Foreign keys, from the side of the relation that holds the fields.
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields || field.relationFromFields.length === 0) continue;
      const target = modelByName.get(field.type);
      if (!target) continue;
      const fromColumns = field.relationFromFields.map((name) => fieldColumn.get(name) ?? name);
      const targetColumns = new Map(target.fields.map((targetField) => [targetField.name, columnName(targetField)]));
      const toColumns = (field.relationToFields ?? []).map((name) => targetColumns.get(name) ?? name);
      const refTable = tableName(target);
      const label = `${where}, relation ${field.name} → ${target.name}`;
      const foreignKey = catalog.foreignKeys.find(
        (candidate) =>
          candidate.table === table &&
          sameList(candidate.columns, fromColumns) &&
          candidate.ref_table === refTable &&
          sameList(candidate.ref_columns, toColumns),
      );
      if (!foreignKey) {
        problems.push(`${label}: foreign key ${list(fromColumns)} → "${refTable}"${list(toColumns)} is missing in the database.`);
        continue;
      }
      matchedForeignKeys.add(foreignKey);
      // Prisma's defaults: Restrict for a required relation, SetNull for an optional one; updates cascade.
      const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
      const onUpdate = field.relationOnUpdate ?? "Cascade";
      if (foreignKey.on_delete !== ON_DELETE_CODES[onDelete]) {
        problems.push(`${label}: foreign key "${foreignKey.name}" is ON DELETE ${ON_DELETE_NAMES[foreignKey.on_delete] ?? foreignKey.on_delete}, schema.prisma expects onDelete: ${onDelete}.`);
      }
      if (foreignKey.on_update !== ON_DELETE_CODES[onUpdate]) {
        problems.push(`${label}: foreign key "${foreignKey.name}" is ON UPDATE ${ON_DELETE_NAMES[foreignKey.on_update] ?? foreignKey.on_update}, schema.prisma expects onUpdate: ${onUpdate}.`);
      }
    }
  }

  // Whatever the database has beyond the datamodel; Prisma would try to drop it.
  for (const table of catalog.tables) {
    if (!expectedTables.has(table)) problems.push(`Table "${table}" exists in the database but has no model in schema.prisma.`);
  }
  for (const index of catalog.indexes) {
    if (matchedIndexes.has(index) || !expectedTables.has(index.table)) continue;
    const kind = index.is_primary ? "Primary key" : index.is_unique ? "Unique index" : "Index";
    problems.push(`${kind} "${index.name}" on "${index.table}"${list(index.columns)}${index.is_partial ? " (partial)" : ""} exists in the database but not in schema.prisma.`);
  }
  for (const foreignKey of catalog.foreignKeys) {
    if (matchedForeignKeys.has(foreignKey) || !expectedTables.has(foreignKey.table)) continue;
    problems.push(`Foreign key "${foreignKey.name}" on "${foreignKey.table}"${list(foreignKey.columns)} → "${foreignKey.ref_table}" exists in the database but not in schema.prisma.`);
  }
  return problems;
};
