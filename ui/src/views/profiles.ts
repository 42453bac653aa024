// Who is working: the local profiles (reporter, photo editor, editor) and the current one,
// chosen in the top bar. Status changes and exports are recorded under the current profile.
import { api } from "../api";
import type { Profile } from "../bindings/Profile";
import type { ProfileRole } from "../bindings/ProfileRole";
import { h } from "../dom";
import { t, type Key } from "../i18n";

export const PROFILE_ROLES: ProfileRole[] = ["reporter", "photo_editor", "editor"];
let all: Profile[] = [];
let current: Profile | null = null;

/** The profile working now, if one was chosen. */
export function currentProfile(): Profile | null {
  return current;
}

/** Every profile, by name. */
export function profiles(): Profile[] {
  return all;
}

/** Reads the profiles and the current one from the store. */
export async function loadProfiles(): Promise<void> {
  [all, current] = await Promise.all([api.listProfiles(), api.currentProfile()]);
}

export function profileLabel(p: Profile): string {
  return `${p.name} (${t(`profile.role.${p.role}` as Key)})`;
}

/** The top-bar switch: pick who is working, or add a profile. */
export function profileSwitch(onChanged: () => void): HTMLElement {
  const select = h(
    "select",
    {
      class: "profile-switch",
      "data-testid": "profile-switch",
      title: t("profile.switchTitle"),
      onchange: async () => {
        if (select.selectedOptions[0]?.dataset.new === "1") {
          select.value = current?.name ?? "";
          showProfileDialog(onChanged);
          return;
        }
        current = await api.useProfile(select.value);
        onChanged();
      },
    },
    current ? null : h("option", { value: "", selected: true, disabled: true }, t("profile.choose")),
    all.map((p) => h("option", { value: p.name, selected: p.id === current?.id }, profileLabel(p))),
    h("option", { value: "", "data-new": "1", "data-testid": "profile-new" }, t("profile.add")),
  );
  return select;
}

/** The dialog adding a profile; the new profile becomes the one working. */
export function showProfileDialog(onAdded: () => void): void {
  const name = h("input", { "data-testid": "profile-name" });
  const role = h(
    "select",
    { "data-testid": "profile-role" },
    PROFILE_ROLES.map((r) => h("option", { value: r }, t(`profile.role.${r}` as Key))),
  );
  const error = h("p", { class: "error", "data-testid": "profile-error" });
  const close = () => dialog.remove();
  const dialog = h(
    "div",
    { class: "modal", role: "dialog", "aria-modal": "true", "data-testid": "profile-dialog" },
    h(
      "div",
      { class: "modal-box" },
      h("h2", {}, t("profile.add")),
      h("label", {}, t("profile.name"), name),
      h("label", {}, t("profile.roleLabel"), role),
      error,
      h(
        "div",
        { class: "actions" },
        h("button", {
          class: "primary",
          "data-testid": "profile-save",
          onclick: async () => {
            try {
              const p = await api.addProfile(name.value, role.value as ProfileRole);
              current = await api.useProfile(p.name);
              await loadProfiles();
              close();
              onAdded();
            } catch (e) {
              error.textContent = (e as Error).message;
            }
          },
        }, t("profile.save")),
        h("button", { onclick: close }, t("action.close")),
      ),
    ),
  );
  document.body.append(dialog);
  name.focus();
}
