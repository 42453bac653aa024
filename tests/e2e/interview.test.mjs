// Issue 5 in the real window: a multi-voice article made from the template, people picked
// from the directory by autocomplete, one created on the fly, a \code expanded, a voice
// reordered; the stored article is checked through the CLI, the pre-publish check refuses
// the prompts left in it, and everything is still there after a restart.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CLI, byId, cli, freshDataDir, launch, shot, typeInto, waitSaved } from "./lib.mjs";

function stored(dir, id) {
  const out = JSON.parse(cli(dir, "article", "show", id, "--json"));
  return out.article ?? out;
}

/** The pre-publish check: its JSON and whether it passed (exit code 0). */
function check(dir, id) {
  try {
    return { ok: true, out: JSON.parse(execFileSync(CLI, ["--data-dir", dir, "check", id, "--json"], { encoding: "utf8" })) };
  } catch (e) {
    return { ok: false, out: JSON.parse(e.stdout) };
  }
}

async function nth(browser, testid, i) {
  const all = await browser.$$(`[data-testid="${testid}"]`);
  return all[i];
}

async function voiceLines(browser) {
  const lines = await browser.$$('[data-testid="voice-line"]');
  const out = [];
  for (const l of lines) out.push(await l.getText());
  return out;
}

/** Types in a voice's name field and picks the suggestion whose text matches `pick`. */
async function pickPerson(browser, voice, typed, pick) {
  await typeInto(await nth(browser, "voice-name", voice), typed);
  await browser.waitUntil(async () => {
    for (const s of await browser.$$('[data-testid="person-suggestion"]')) if ((await s.getText()).includes(pick)) return true;
    return false;
  }, { timeout: 5000, timeoutMsg: `no suggestion ${pick} for ${typed}` });
  for (const s of await browser.$$('[data-testid="person-suggestion"]')) {
    if ((await s.getText()).includes(pick)) {
      await s.click();
      return;
    }
  }
}

test("a multi-voice article from the template, people from the directory, reordered, restarted", async () => {
  const dir = freshDataDir();
  // Promoted long before any article of today: the article names the new position.
  const hung = cli(dir, "people", "add", "--name", "Nguyễn Văn Hùng", "--honorific", "Ông", "--title", "Tỉnh ủy viên",
    "--position", "Giám đốc Sở Y tế", "--since", "2015-01-01", "--code", "nvh").trim();
  cli(dir, "people", "promote", hung, "--name", "Phó Chủ tịch UBND tỉnh", "--from", "2022-07-01");
  cli(dir, "people", "add", "--name", "Trần Thị Lan", "--honorific", "Bà", "--position", "nông dân xã Hải Lăng", "--code", "lan");
  // A newsroom template that is fine and one with a block kind this Newsdesk does not know.
  mkdirSync(path.join(dir, "templates"), { recursive: true });
  const legal = cli(dir, "templates", "show", "qa").replace('"key": "qa"', '"key": "hoi-dap-phap-luat"').replace(/"name": "[^"]*"/, '"name": "Hỏi – đáp pháp luật"');
  writeFileSync(path.join(dir, "templates", "legal.json"), legal);
  writeFileSync(path.join(dir, "templates", "broken.json"), legal.replace('"hoi-dap-phap-luat"', '"other"').replace('"paragraph"', '"figurine"'));

  let browser = await launch(dir);
  let id;
  try {
    await (await byId(browser, "new-from-template")).click();
    const picker = await byId(browser, "template-picker");
    await picker.waitForDisplayed();
    await (await byId(browser, "template-bylines")).setValue("Minh Anh");
    const legalChoice = await browser.$('[data-testid="template-choice"][data-key="hoi-dap-phap-luat"]');
    await legalChoice.waitForDisplayed({ timeout: 5000 });
    assert.match(await legalChoice.getText(), /Hỏi – đáp pháp luật/);
    const problem = await byId(browser, "template-problem");
    assert.match(await problem.getText(), /templates\/broken\.json: .*figurine/);
    await shot(browser, "interview-template-picker");
    const voicesChoice = await browser.$('[data-testid="template-choice"][data-key="voices"]');
    await voicesChoice.waitForDisplayed({ timeout: 5000 });
    await voicesChoice.click();
    const block = await byId(browser, "voices-block");
    await block.waitForDisplayed({ timeout: 10_000 });
    assert.equal((await browser.$$('[data-testid="voice"]')).length, 3, "the template has three voices");
    assert.equal(await (await nth(browser, "voice-quote", 0)).getAttribute("placeholder"), "Câu nói nổi bật, in trong ngoặc kép");
    assert.equal(await (await nth(browser, "voice-quote", 0)).getValue(), "", "a prompt is never text");
    await typeInto(await byId(browser, "headline"), "Cử tri nói về y tế cơ sở");
    // A code expands in the lead too.
    await typeInto(await byId(browser, "lead"), "Ý kiến của \\lan ");
    await browser.waitUntil(async () => (await (await byId(browser, "lead")).getValue()).includes("Bà Trần Thị Lan, nông dân xã Hải Lăng"),
      { timeout: 5000, timeoutMsg: "the code in the lead was not expanded" });
    await (await byId(browser, "lead")).addValue("và bà con trong xã.");

    // Voice 1 by autocomplete (diacritics not needed), with the position held today.
    await pickPerson(browser, 0, "hung", "Nguyễn Văn Hùng");
    await browser.waitUntil(async () => (await voiceLines(browser))[0].startsWith("Ông Nguyễn Văn Hùng"), { timeout: 5000 });
    assert.equal((await voiceLines(browser))[0], "Ông Nguyễn Văn Hùng, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh");
    await typeInto(await nth(browser, "voice-quote", 0), "Phải lắng nghe dân");
    await typeInto(await nth(browser, "voice-statement", 0), "Tôi cho rằng phải lắng nghe dân. Như \\lan ");
    await browser.waitUntil(async () => (await (await nth(browser, "voice-statement", 0)).getValue()).includes("Bà Trần Thị Lan, nông dân xã Hải Lăng"),
      { timeout: 5000, timeoutMsg: "the code was not expanded" }).catch(async (e) => {
      throw new Error(`${e.message}: ${await (await nth(browser, "voice-statement", 0)).getValue()}`);
    });
    await (await nth(browser, "voice-statement", 0)).addValue("đã nói.");
    assert.equal((await voiceLines(browser))[0], "Ông Nguyễn Văn Hùng, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh: “Phải lắng nghe dân”");

    // Voice 2 by code.
    await pickPerson(browser, 1, "\\lan", "Trần Thị Lan");
    await typeInto(await nth(browser, "voice-statement", 1), "Tôi đồng ý.");

    // Voice 3: someone new, added to the directory from the editor.
    await (await nth(browser, "voice-honorific", 2)).setValue("Ông");
    await typeInto(await nth(browser, "voice-name", 2), "Phan Văn Bình");
    const create = await byId(browser, "person-create");
    await create.waitForDisplayed({ timeout: 5000 });
    await create.click();
    await browser.waitUntil(async () => (await (await nth(browser, "voice", 2)).getAttribute("data-person")) !== "", { timeout: 5000 });
    await typeInto(await nth(browser, "voice-statement", 2), "Tôi mong sớm có trạm y tế mới.");

    // Reorder: the first voice goes down one.
    await (await nth(browser, "voice-down", 0)).click();
    await browser.waitUntil(async () => (await voiceLines(browser))[0].startsWith("Bà Trần Thị Lan"), { timeout: 5000 });
    await shot(browser, "interview-voices");
    await waitSaved(browser);
    id = await (await browser.$('[data-testid="list-item"]')).getAttribute("data-id");
  } finally {
    await browser.deleteSession();
  }

  const a = stored(dir, id);
  assert.equal(a.headline, "Cử tri nói về y tế cơ sở");
  assert.equal(a.lead, "Ý kiến của Bà Trần Thị Lan, nông dân xã Hải Lăng và bà con trong xã.");
  assert.deepEqual(a.bylines.map((b) => [b.name, b.role]), [["Minh Anh", "interviewer"]]);
  const section = a.body.blocks.find((b) => b.type === "voices");
  assert.deepEqual(section.voices.map((v) => v.name), ["Trần Thị Lan", "Nguyễn Văn Hùng", "Phan Văn Bình"]);
  assert.equal(section.voices[1].person_id, hung);
  assert.deepEqual(section.voices[1].titles, ["Tỉnh ủy viên"]);
  assert.equal(section.voices[1].position, "Phó Chủ tịch UBND tỉnh");
  assert.deepEqual(section.voices[1].pull_quote, [{ type: "text", text: "Phải lắng nghe dân" }]);
  assert.deepEqual(section.voices[1].statement, [
    { type: "paragraph", content: [{ type: "text", text: "Tôi cho rằng phải lắng nghe dân. Như Bà Trần Thị Lan, nông dân xã Hải Lăng đã nói." }] },
  ]);
  assert.ok(section.voices[2].person_id, "the new person is linked to the directory");
  const people = JSON.parse(cli(dir, "people", "list", "--json"));
  assert.ok(people.some((p) => p.full_name === "Phan Văn Bình" && p.honorific === "Ông"), "created on the fly");
  // Prompts are still there where nothing was written (the lead, the pull-quotes of
  // voices 2 and 3, the subheading): the pre-publish check refuses them.
  const c = check(dir, id);
  assert.equal(c.ok, false);
  assert.ok(c.out.findings.some((f) => f.code === "placeholder_left"), JSON.stringify(c.out.findings));

  // Restart: all there.
  browser = await launch(dir);
  try {
    await (await browser.$(`[data-testid="list-item"][data-id="${id}"]`)).click();
    await (await byId(browser, "voices-block")).waitForDisplayed({ timeout: 10_000 });
    const lines = await voiceLines(browser);
    assert.equal(lines.length, 3);
    assert.equal(lines[1], "Ông Nguyễn Văn Hùng, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh: “Phải lắng nghe dân”");
    assert.equal(lines[2], "Ông Phan Văn Bình");
  } finally {
    await browser.deleteSession();
  }
});

test("the people dialog lists people and edits their dated posts and codes", async () => {
  const dir = freshDataDir();
  cli(dir, "people", "add", "--name", "Lê Văn Tám", "--honorific", "Đồng chí", "--position", "Bí thư Huyện ủy Gio Linh");
  const browser = await launch(dir);
  try {
    await (await byId(browser, "people-open")).click();
    await (await byId(browser, "people-dialog")).waitForDisplayed();
    const row = await browser.$('[data-testid="people-row"]');
    await row.waitForDisplayed({ timeout: 5000 });
    assert.match(await row.getText(), /Đồng chí Lê Văn Tám, Bí thư Huyện ủy Gio Linh/);
    await row.click();
    await (await byId(browser, "post-add")).click();
    const names = await browser.$$('[data-testid="post-name"]');
    await names[names.length - 1].setValue("Ủy viên BTV Tỉnh ủy");
    const kinds = await browser.$$('[data-testid="post-kind"]');
    await kinds[kinds.length - 1].selectByAttribute("value", "title");
    await (await byId(browser, "person-codes")).setValue("\\lvt");
    await (await byId(browser, "person-save")).click();
    await browser.waitUntil(async () => /Ủy viên BTV Tỉnh ủy/.test(await (await browser.$('[data-testid="people-row"]')).getText()), { timeout: 5000 });
    await shot(browser, "people-dialog");
  } finally {
    await browser.deleteSession();
  }
  const shown = JSON.parse(cli(dir, "people", "show", "lvt", "--json"));
  const person = shown.person ?? shown;
  assert.ok(person.posts.some((p) => p.kind === "title" && p.name === "Ủy viên BTV Tỉnh ủy"), JSON.stringify(shown));
});
