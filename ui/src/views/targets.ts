// The websites articles are published to, in the newsroom settings (issue 10): list, add,
// edit, remove, and "Test connection" (reachability, credentials, API version) in the
// user's language. Application passwords go to the OS keyring; when none answers the
// section says so and asks for the password of the protected file in the data folder.
import { api, CommandError } from "../api";
import type { ApiError } from "../bindings/ApiError";
import type { ConnectionReport } from "../bindings/ConnectionReport";
import type { PublishTarget } from "../bindings/PublishTarget";
import type { SecretPlace } from "../bindings/SecretPlace";
import { h, replace } from "../dom";
import { t, type Key } from "../i18n";

/** Which check of a connection test an error code says failed. */
export type TestStage = "reach" | "auth" | "api" | "secret" | "other";

export function testStage(code: string): TestStage {
  switch (code) {
    case "unreachable":
    case "timeout":
    case "tls":
    case "bad_url":
      return "reach";
    case "unauthorized":
    case "forbidden":
      return "auth";
    case "not_wordpress":
    case "malformed":
    case "not_found":
    case "server_error":
    case "rejected":
      return "api";
    case "no_vault_password":
    case "vault_password":
    case "no_password":
    case "no_keyring":
    case "keyring":
      return "secret";
    default:
      return "other";
  }
}

/** The lines a connection test shows: each check passed, or the one that failed and why. */
export function testLines(outcome: { ok: ConnectionReport } | { err: ApiError }): { ok: boolean; text: string }[] {
  if ("ok" in outcome) {
    const r = outcome.ok;
    return [
      { ok: true, text: t("target.test.reach", { site: r.site }) },
      { ok: true, text: t("target.test.auth", { user: r.user }) },
      { ok: true, text: t("target.test.api", { api: r.api }) },
    ];
  }
  const e = outcome.err;
  const stage = testStage(e.code);
  const lines: { ok: boolean; text: string }[] = [];
  // The checks run in order: the ones before the failing one passed.
  if (stage === "auth" || stage === "api") lines.push({ ok: true, text: t("target.test.reachOnly") });
  lines.push({ ok: false, text: `${t(`target.fail.${stage}` as Key)} ${e.message}` });
  return lines;
}

/** Where a target's password is kept, in words. */
export function storeLabel(tg: PublishTarget): string {
  return tg.secret_store === "keyring" ? t("target.inKeyring") : t("target.inVault");
}

const asApiError = (e: unknown): ApiError =>
  e instanceof CommandError ? { code: e.code, message: e.message } : { code: "ipc", message: String(e) };

/** The targets part of the settings dialog. */
export function createTargetsSection(): HTMLElement {
  const list = h("ul", { class: "targets", "data-testid": "target-list" });
  const note = h("p", { class: "notice", "data-testid": "target-secret-note", hidden: true });
  const vault = h("input", { type: "password", "data-testid": "target-vault-password", autocomplete: "off" });
  // A wrapper carries `hidden`: the dialog's labels are flex boxes, which `hidden` alone does not hide.
  const vaultRow = h("div", { hidden: true }, h("label", {}, t("target.vaultPassword"), vault));
  const name = h("input", { "data-testid": "target-name", placeholder: "web" });
  const url = h("input", { "data-testid": "target-url", placeholder: "https://example.vn" });
  const user = h("input", { "data-testid": "target-user" });
  const password = h("input", { type: "password", "data-testid": "target-password", autocomplete: "off" });
  const passwordHint = h("span", { class: "muted", hidden: true }, t("target.keepPassword"));
  const error = h("p", { class: "error", "data-testid": "target-error", hidden: true });
  const saved = h("p", { class: "muted", "data-testid": "target-saved", hidden: true });
  const save = h("button", { class: "primary", "data-testid": "target-save", onclick: () => void submit() }, t("target.add"));
  const cancel = h("button", { "data-testid": "target-cancel", hidden: true, onclick: () => clear() }, t("target.cancelEdit"));
  let editing: string | null = null;
  let place: SecretPlace | null = null;

  function clear() {
    editing = null;
    name.disabled = false;
    for (const f of [name, url, user, password]) f.value = "";
    passwordHint.hidden = true;
    cancel.hidden = true;
    save.textContent = t("target.add");
  }

  function edit(tg: PublishTarget) {
    editing = tg.name;
    name.value = tg.name;
    name.disabled = true;
    url.value = tg.url;
    user.value = tg.user;
    password.value = "";
    passwordHint.hidden = false;
    cancel.hidden = false;
    save.textContent = t("target.saveEdit");
    url.focus();
  }

  function showError(e: ApiError) {
    error.textContent = e.code === "no_vault_password" || e.code === "vault_password" ? t("target.vaultNeeded") : e.message;
    error.dataset.code = e.code;
    error.hidden = false;
    if (e.code === "no_vault_password" || e.code === "vault_password") {
      vaultRow.hidden = false;
      vault.focus();
    }
  }

  async function drawPlace() {
    place = await api.targetSecrets().catch(() => null);
    const noKeyring = place?.no_keyring ?? null;
    note.hidden = noKeyring === null;
    if (place && noKeyring !== null) {
      note.textContent = t("target.noKeyring", { why: noKeyring, path: place.vault_path });
    }
    vaultRow.hidden = !(noKeyring !== null && place && !place.vault_unlocked);
  }

  async function submit() {
    error.hidden = true;
    saved.hidden = true;
    try {
      if (!vaultRow.hidden && vault.value) {
        await api.unlockVault(vault.value);
      }
      const r = await api.saveTarget(
        { name: name.value.trim(), url: url.value.trim(), user: user.value.trim(), kind: "wordpress" },
        password.value ? password.value : null,
      );
      saved.textContent = r.no_keyring !== null ? t("target.savedInVault", { name: r.target.name }) : t("target.saved", { name: r.target.name });
      saved.hidden = false;
      clear();
      await Promise.all([draw(), drawPlace()]);
    } catch (e) {
      showError(asApiError(e));
    }
  }

  async function test(tg: PublishTarget, out: HTMLElement, button: HTMLButtonElement) {
    button.disabled = true;
    out.dataset.state = "running";
    replace(out, h("li", { class: "muted" }, t("target.testing")));
    let outcome: { ok: ConnectionReport } | { err: ApiError };
    try {
      outcome = { ok: await api.testTarget(tg.name) };
    } catch (e) {
      outcome = { err: asApiError(e) };
    }
    button.disabled = false;
    out.dataset.state = "ok" in outcome ? "ok" : "failed";
    if ("err" in outcome) out.dataset.code = outcome.err.code;
    replace(out, testLines(outcome).map((l) =>
      h("li", { class: l.ok ? "ok" : "error" }, `${l.ok ? "✓" : "✗"} ${l.text}`)));
  }

  async function remove(tg: PublishTarget, button: HTMLButtonElement) {
    if (button.dataset.confirm !== "1") {
      button.dataset.confirm = "1";
      button.textContent = t("target.removeConfirm");
      return;
    }
    try {
      await api.removeTarget(tg.name);
      if (editing === tg.name) clear();
      await draw();
    } catch (e) {
      showError(asApiError(e));
    }
  }

  async function draw() {
    let targets: PublishTarget[] = [];
    try {
      targets = await api.listTargets();
    } catch (e) {
      showError(asApiError(e));
    }
    replace(
      list,
      targets.length
        ? targets.map((tg) => {
            const out = h("ul", { class: "target-test", "data-testid": "target-test-result" });
            const testButton = h("button", { "data-testid": "target-test", onclick: () => void test(tg, out, testButton) }, t("target.test"));
            const removeButton: HTMLButtonElement = h("button", { class: "danger", "data-testid": "target-remove", onclick: () => void remove(tg, removeButton) }, t("target.remove"));
            return h(
              "li",
              { "data-testid": "target-item", "data-name": tg.name },
              h("div", {}, h("strong", {}, tg.name), ` · ${tg.url} · ${tg.user} · ${storeLabel(tg)}`),
              h("div", { class: "row" },
                testButton,
                h("button", { "data-testid": "target-edit", onclick: () => edit(tg) }, t("target.edit")),
                removeButton),
              out,
            );
          })
        : h("li", { class: "muted" }, t("target.none")),
    );
  }

  void draw();
  void drawPlace();
  return h(
    "fieldset",
    { class: "targets-settings", "data-testid": "targets" },
    h("legend", {}, t("target.title")),
    list,
    note,
    vaultRow,
    h("label", {}, t("target.name"), name),
    h("label", {}, t("target.url"), url),
    h("label", {}, t("target.user"), user),
    h("label", {}, t("target.password"), password, passwordHint),
    error,
    saved,
    h("div", { class: "actions" }, save, cancel),
  );
}
