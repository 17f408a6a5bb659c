// Convert the official JS SDK's zod schemas (@dust-tt/client src/types.ts) to JSON Schema.
//
//   node scripts/js_sdk_schemas.mjs <unpacked package dir> <output.json>
//
// Run by scripts/refresh_js_sdk_schemas.py, which unpacks the package and installs zod, esbuild and
// zod-to-json-schema into a temporary directory (NODE_PATH): nothing here touches the repository's
// dependencies, and the tests only read the JSON this writes.
//
// Every top-level `...Schema` constant of src/types.ts is converted, exported or not: the SDK keeps some
// response schemas private (the data source view list, document and table bodies) and they are the best
// description of those bodies outside Dust's server code. The source is bundled as written, except that
// `const XSchema` becomes `export const XSchema` so the bundle exposes it.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(join(process.env.NODE_PATH ?? process.cwd(), "noop.js"));
const esbuild = require("esbuild");
const { zodToJsonSchema, ignoreOverride } = require("zod-to-json-schema");

const [packageDir, outputPath] = process.argv.slice(2);
if (!packageDir || !outputPath) {
  console.error("usage: node js_sdk_schemas.mjs <package dir> <output.json>");
  process.exit(2);
}

const source = readFileSync(join(packageDir, "src", "types.ts"), "utf8");
const exposed = source.replace(/^const (\w+Schema)\b/gm, "export const $1");
const entry = join(packageDir, "src", "__all_schemas__.ts");
writeFileSync(entry, exposed);
const workDir = mkdtempSync(join(tmpdir(), "dust-js-schemas-"));
const bundle = join(workDir, "schemas.cjs");
try {
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "cjs",
    outfile: bundle,
    nodePaths: [process.env.NODE_PATH ?? ""],
    logLevel: "error",
  });
} finally {
  rmSync(entry);
}
const module = require(bundle);

const isZod = (value) =>
  value !== null && typeof value === "object" && value._def && typeof value.safeParse === "function";

// FlexibleEnumSchema<T>() is `z.custom(val => typeof val === "string")`: an open string enum. The
// converter sees only "any"; recognise it by its behaviour (accepts strings, rejects anything else).
function isFlexibleEnum(def) {
  if (def.typeName !== "ZodEffects" || def.effect?.type !== "refinement") return false;
  if (def.schema?._def?.typeName !== "ZodAny") return false;
  const issues = (value) => {
    const found = [];
    def.effect.refinement(value, { addIssue: (issue) => found.push(issue), path: [] });
    return found.length;
  };
  try {
    return issues("any string") === 0 && issues(42) > 0 && issues(null) > 0;
  } catch {
    return false;
  }
}

const override = (def) =>
  isFlexibleEnum(def) ? { type: "string", description: "open enum (FlexibleEnumSchema)" } : ignoreOverride;

const definitions = {};
for (const name of Object.keys(module).sort()) {
  if (name.endsWith("Schema") && isZod(module[name])) definitions[name] = module[name];
}

// One document, one definition per schema; a schema reused inside another is a $ref to its definition.
const converted = zodToJsonSchema(module.APIErrorSchema, {
  name: "__root__",
  definitions,
  target: "jsonSchema7",
  $refStrategy: "root",
  effectStrategy: "input",
  // zod objects drop unknown keys rather than reject them (unless .strict()): say so in the schema.
  removeAdditionalStrategy: "strict",
  override,
});
const { __root__: _root, ...schemas } = converted.definitions;
writeFileSync(outputPath, JSON.stringify({ definitions: schemas }, null, 1) + "\n");
rmSync(workDir, { recursive: true });
console.log(`${Object.keys(schemas).length} schemas`);
