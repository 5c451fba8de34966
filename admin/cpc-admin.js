// The editor's preview pane shows posts and pages with the site's stylesheet
// (hooks/cpc/cms.py writes preview.css beside this file).
window.CMS.registerPreviewStyle("preview.css");
