import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "src/bindings/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // User text must never become markup: build DOM with textContent only.
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Use textContent or the h() helper; user text must never become markup." },
        { property: "outerHTML", message: "Use the h() helper." },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
);
