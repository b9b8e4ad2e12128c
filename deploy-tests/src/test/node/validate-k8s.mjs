// Validates every object of rendered Kubernetes manifests (multi-document YAML) against the OpenAPI schemas of
// kubernetes-models and, for custom resources, the CRD schemas the projects publish, as packaged by
// @kubernetes-models (KEDA, Strimzi, CloudNativePG, Gateway API, Prometheus Operator, cert-manager): types, enums, patterns,
// required fields; unknown fields are not reported. An object of any other API group is reported as "skipped".
// Usage: node validate-k8s.mjs FILE... ; prints one JSON array of {file, apiVersion, kind, name, status, errors}.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const results = [];
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length > 0) {
      results.push({ file, status: "invalid", errors: doc.errors.map((e) => e.message) });
      continue;
    }
    const object = doc.toJS();
    if (object == null) {
      continue;
    }
    results.push({ file, ...(await validate(object)) });
  }
}
process.stdout.write(JSON.stringify(results, null, 1) + "\n");

function packageOf(apiVersion) {
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  const thirdParty = {
    "keda.sh": "@kubernetes-models/keda",
    "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator",
    "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg",
    "gateway.networking.k8s.io": "@kubernetes-models/gateway-api",
    "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
    "cert-manager.io": "@kubernetes-models/cert-manager",
  };
  return thirdParty[group] ?? "kubernetes-models";
}

async function validate(object) {
  const { apiVersion, kind } = object;
  const name = object.metadata?.name;
  const base = { apiVersion, kind, name };
  let Model;
  try {
    Model = (await import(`${packageOf(apiVersion)}/${apiVersion}/${kind}`))[kind];
  } catch (e) {
    return { ...base, status: "skipped", errors: [String(e.code ?? e.message)] };
  }
  if (Model == null) {
    return { ...base, status: "skipped", errors: ["no model"] };
  }
  try {
    new Model(object).validate();
    return { ...base, status: "valid", errors: [] };
  } catch (e) {
    const errors = Array.isArray(e.errors)
      ? e.errors.map((err) => `${err.instancePath ?? err.dataPath ?? ""} ${err.message}`)
      : [String(e.message ?? e)];
    return { ...base, status: "invalid", errors };
  }
}
