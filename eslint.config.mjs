import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/**
 * The layers of docs/decisions/0021-layers-and-the-twilio-gateway.md, kept by the linter: `npm test`
 * runs ESLint with no warnings allowed, so a cycle or a reach across a boundary fails it.
 */

const twilioSdk = {
  regex: "^twilio(/|$)",
  message: "Only the Twilio gateway (lib/server/twilio/) imports the SDK: call one of its functions instead.",
};
const sandboxFromLib = {
  regex: "^(@/|(\\.\\./)+)sandbox(/|$)",
  message: "lib/ never imports the sandbox: the portal talks to it through the Twilio SDK, as to Twilio.",
};
const libFromSandbox = {
  regex: "^(@/|(\\.\\./)+)lib(/|$)",
  message: "The sandbox is a model of Twilio and never imports the portal (lib/).",
};

/**
 * A client component ("use client") reaches the server only through server actions: any other
 * import of lib/server would pull server code (and its secrets' names) toward the browser bundle,
 * and a type import from there ties the browser to server modules. Server actions are the one door.
 */
const clientBoundary = {
  meta: { type: "problem", schema: [] },
  create(context) {
    const source = context.sourceCode ?? context.getSourceCode();
    const first = source.ast.body[0];
    const isClient =
      first?.type === "ExpressionStatement" &&
      first.expression.type === "Literal" &&
      first.expression.value === "use client";
    if (!isClient) return {};
    return {
      ImportDeclaration(node) {
        const from = String(node.source.value);
        if (!/^(@\/|(\.\.\/)+)lib\/server(\/|$)/.test(from)) return;
        const typeOnly =
          node.importKind === "type" || node.specifiers.some((specifier) => specifier.importKind === "type");
        if (!from.startsWith("@/lib/server/actions/") || typeOnly)
          context.report({
            node,
            message:
              "A client component imports only server actions from lib/server (no types): put shared types in lib/<domain>/.",
          });
      },
    };
  },
};

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "tests/.tmp/**",
      "data/**",
      ".bench-floor/**",
    ],
  },
  {
    plugins: { portal: { rules: { "client-boundary": clientBoundary } } },
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "portal/client-boundary": "error",
    },
  },
  // Promises the code forgets or hands where none is expected: type-aware, on the code that ships.
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "sandbox/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx,mjs}"],
    ignores: ["lib/server/twilio/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [twilioSdk, sandboxFromLib] }] },
  },
  {
    files: ["lib/server/twilio/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [sandboxFromLib] }] },
  },
  {
    files: ["sandbox/**/*.{ts,mjs}"],
    rules: { "no-restricted-imports": ["error", { patterns: [libFromSandbox] }] },
  },
];

export default config;
