"""The build pipeline: the one hook MkDocs runs (mkdocs.yml, `hooks:`).

Read it top to bottom. Each MkDocs event calls small plain modules in
hooks/cpc/, in the order written here. The state of one build is the `Site`
made in on_config; nothing else is remembered between events.

static-i18n builds the site once per language (Norwegian first, then
English); every event below runs once per language build.
"""
from __future__ import annotations

import sys

# `mkdocs serve` re-imports this file on every rebuild; drop our package
# from the import cache so edits to hooks/cpc/ apply too.
for _name in [name for name in sys.modules if name == "cpc" or name.startswith("cpc.")]:
    del sys.modules[_name]

from cpc import assets, bilingual, content, csp, feeds, forms, goals, news, news_pages, search, site as site_module, theme_patches  # noqa: E402


class Pipeline:
    """MkDocs calls these methods like a plugin's; MkDocs re-imports this
    file for every configuration it loads, so one instance lives one build."""

    site: site_module.Site

    # 1. Configuration: read and check every input once.
    def on_config(self, config):
        self.site = site_module.Site.load(config)
        return config

    # 2. The files and the menu of the language being built: shared images and
    #    attachments, and the news pages once the language has posts.
    def on_nav(self, nav, config, files):
        bilingual.share_assets(files, config)
        news_pages.add(nav, files, config, self.site, config.theme["language"])
        return nav

    # 3. Each page's source: news posts use the post template.
    def on_page_markdown(self, markdown, page, config, files):
        if news.is_post(page.file.src_uri):
            page.meta["template"] = "cpc-post.html"
        return markdown

    # 4. Each page's body: generated blocks at their markers, staff notes out.
    def on_page_content(self, html, page, config, files):
        if goals.MARKER in html:
            html = html.replace(goals.MARKER, self.site.goals_html(page))
        html = forms.render_markers(self.site, html, page)
        return content.strip_staff_notes(html)

    # 5. Templates: Material's, with our few checked patches.
    def on_env(self, env, config, files):
        return theme_patches.apply(env)

    # 6. What templates know about a page: one `cpc` object.
    def on_page_context(self, context, page, config, nav):
        context["cpc"] = self.site.page_view(page)
        return context

    def on_template_context(self, context, template_name, config):
        if template_name == "404.html":
            context["cpc"] = self.site.not_found_view()
        return context

    # 7. The final HTML: the CSS this page can use goes into it, and the
    #    Content-Security-Policy hashes every inline script and style.
    def on_post_page(self, output, page, config):
        where = f"docs/{page.file.src_uri}"
        return csp.add_policy(self.site.page_css.fill(output, where), self.site.form_service.origin, where)

    def on_post_template(self, output, template_name, config):
        if template_name != "404.html":
            return output
        # One 404.html serves every language; the default language's build
        # writes it, and later language builds keep that one.
        if config.theme["language"] != self.site.languages.default:
            return (self.site.site_dir / "404.html").read_text(encoding="utf-8")
        return csp.add_policy(self.site.page_css.fill(output, template_name), self.site.form_service.origin, template_name)

    # 8. After the last language: Material's script, feeds and calendars, the search index.
    def on_post_build(self, config):
        if config.theme["language"] != self.site.languages.last_built:
            return
        assets.write(config)
        feeds.write(self.site)
        search.build_index(self.site.site_dir)

    # 9. `make serve` reloads when a data file changes.
    def on_serve(self, server, config, builder):
        for path in self.site.watched_files():
            server.watch(str(path))
        return server


_pipeline = Pipeline()
on_config = _pipeline.on_config
on_nav = _pipeline.on_nav
on_page_markdown = _pipeline.on_page_markdown
on_page_content = _pipeline.on_page_content
on_env = _pipeline.on_env
on_page_context = _pipeline.on_page_context
on_template_context = _pipeline.on_template_context
on_post_page = _pipeline.on_post_page
on_post_template = _pipeline.on_post_template
on_post_build = _pipeline.on_post_build
on_serve = _pipeline.on_serve
