// Generates assignment vectors with GrowthBook's own JavaScript SDK (@growthbook/growthbook from npm).
// For each experiment configuration and user id, GrowthBook.run() decides inExperiment, the variation
// index and the hash bucket; SupportLab's Java assignment must reproduce them exactly.
import { GrowthBook } from "@growthbook/growthbook";
import { createRequire } from "module";
const require = createRequire(import.meta.url);
const version = require("@growthbook/growthbook/package.json").version;

const configs = [
  { key: "button-color", weights: [0.5, 0.5], coverage: 1 },
  { key: "ticket-form-layout", weights: [0.5, 0.5], coverage: 0.5 },
  { key: "pricing-page", weights: [0.2, 0.3, 0.5], coverage: 1 },
  { key: "faq-theme", weights: [0.1, 0.9], coverage: 0.37 },
  { key: "onboarding", weights: [0.25, 0.25, 0.25, 0.25], coverage: 0.8 },
  { key: "checkout-äöü", weights: [0.34, 0.33, 0.33], coverage: 1 },
  { key: "ns-a", weights: [0.5, 0.5], coverage: 1, namespace: ["pricing", 0, 0.5] },
  { key: "ns-b", weights: [0.5, 0.5], coverage: 0.9, namespace: ["pricing", 0.5, 1] },
  { key: "ten-way", weights: Array(10).fill(0.1), coverage: 1 },
];
const users = [];
for (let i = 0; i < 120; i++) users.push("user" + i);
users.push("a", "ab_test_user_5f3c9d", "john.doe@example.com", "ÄÖÜß", "日本語ユーザー", "emoji-😀-🎉", "x".repeat(300),
  "12345", "00000000-0000-0000-0000-000000000000", "2f9b0c6e-3c1d-4b8a-9e7f-0a1b2c3d4e5f", "tab\tnew\nline", "\"quoted\"");

console.log("# Generated with @growthbook/growthbook " + version + " (npm), GrowthBook.run() with hashVersion 2,");
console.log("# seed = experiment key, hashAttribute id. Script: src/test/resources/assignment/generate_growthbook_vectors.mjs");
console.log("# key|weights|coverage|namespace|user|in_experiment|variation|bucket");
for (const c of configs) {
  for (const user of users) {
    const gb = new GrowthBook({ attributes: { id: user } });
    const exp = { key: c.key, variations: c.weights.map((_, i) => i), weights: c.weights, coverage: c.coverage, hashVersion: 2 };
    if (c.namespace) exp.namespace = c.namespace;
    const r = gb.run(exp);
    const ns = c.namespace ? c.namespace.join(":") : "";
    console.log([c.key, c.weights.join(","), c.coverage, ns, JSON.stringify(user), r.inExperiment, r.variationId, r.bucket ?? ""].join("|"));
  }
}
