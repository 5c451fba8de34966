// The editor's preview pane shows posts and pages with the site's stylesheet
// (hooks/cpc/cms.py writes preview.css beside this file).
window.CMS.registerPreviewStyle("preview.css");

// A post's photo needs alt text in each language version that has the photo
// (news.py refuses it without). The CMS has no "required when another field
// is set", so the check runs before each save. The editor copies the photo
// into the English version, so an English version needs its own alt text; a
// file written on GitHub without `image:` borrows the Norwegian one. The CMS
// shows the cause of a "saving_failed" error in its dialog, and writes nothing.
const MISSING_ALT = (version) =>
  `Bildet mangler alternativ tekst${version}. Skriv i «Alternativ tekst for bildet» hva bildet viser, ` +
  "for dem som ikke ser det, og lagre på nytt.";
const VERSION_NAMES = { en: " i den engelske versjonen" };

const missingAlt = (data) => {
  const alt = data && data.get("image_alt");
  return Boolean(data && data.get("image")) && !(typeof alt === "string" && alt.trim());
};

window.CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    const versions = [["", entry.get("data")]];
    entry.get("i18n").forEach((other, locale) => {
      versions.push([VERSION_NAMES[locale] || ` (${locale})`, other.get("data")]);
    });
    const missing = versions.find(([, data]) => missingAlt(data));
    if (missing) {
      throw new Error("saving_failed", { cause: new Error(MISSING_ALT(missing[0])) });
    }
  },
});
