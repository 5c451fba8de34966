// The editor's preview pane shows posts and pages with the site's stylesheet
// (hooks/cpc/cms.py writes preview.css beside this file).
window.CMS.registerPreviewStyle("preview.css");

// Alt text, before each save (the content checks refuse a photo without it).
// The CMS has no "required when another field is set", and a pattern on the
// text leaves its picture dialog unable to update the text once the save is
// refused, so the check runs in the preSave hook: the CMS shows the cause of a
// "saving_failed" error in its dialog, and writes nothing.
// - A post's photo: the editor copies it into the English version, so each
//   version with a photo gives its own alt text, as news.py wants.
// - A picture inserted into the text: ![](…) has none.
//   Which fields go together, and the words, come from the declaration of a
//   post (hooks/cpc/kinds.py), written into the admin page by cms.py.
const RULES = JSON.parse(document.getElementById("cpc-editor-rules").textContent);
const IN_VERSION = { en: " i den engelske versjonen" };
const PICTURE_IN_TEXT = (version) =>
  `Et bilde i teksten mangler alternativ tekst${version}. Klikk på bildet, skriv i «Alt Text» hva det viser, ` +
  "og lagre på nytt.";
const NO_ALT_IN_TEXT = /!\[\s*\]\(/;

const problem = (data, version) => {
  if (!data) return null;
  for (const rule of RULES.together) {
    const value = data.get(rule.field);
    if (data.get(rule.with) && !(typeof value === "string" && value.trim())) {
      return rule.message.replace("{version}", version);
    }
  }
  const body = data.get("body");
  if (typeof body === "string" && NO_ALT_IN_TEXT.test(body)) return PICTURE_IN_TEXT(version);
  return null;
};

window.CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    const found = [problem(entry.get("data"), "")];
    entry.get("i18n").forEach((other, locale) => {
      found.push(problem(other.get("data"), IN_VERSION[locale] || ` (${locale})`));
    });
    const message = found.find(Boolean);
    if (message) {
      throw new Error("saving_failed", { cause: new Error(message) });
    }
  },
});
