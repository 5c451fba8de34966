"""The build pipeline: the one hook MkDocs runs (mkdocs.yml, `hooks:`).

Read it top to bottom. Each MkDocs event calls small plain modules in
hooks/cpc/, in the order written here, and hands each the data it needs.
What a build knows is read once, in on_config, into a frozen `Inputs`;
nothing else is remembered between events but the photos pages' text used
(`used`), whose renditions the last step writes.

static-i18n builds the site once per language (Norwegian first, then
English); every event below runs once per language build.
"""
from __future__ import annotations

import sys

# `mkdocs serve` re-imports this file on every rebuild; drop our package
# from the import cache so edits to hooks/cpc/ apply too.
for _name in [name for name in sys.modules if name == "cpc" or name.startswith("cpc.")]:
    del sys.modules[_name]

from cpc import (assets, audit, bilingual, cms, content, csp, documents, feeds, goals, inputs, markers,  # noqa: E402
                 media, news_pages, page_css, pictures, search, theme_patches, videos, views)


class Pipeline:
    """MkDocs calls these methods like a plugin's; MkDocs re-imports this
    file for every configuration it loads, so one instance lives one build."""

    inputs: inputs.Inputs
    macros: markers.Macros
    css: page_css.PageCss

    def __init__(self):
        # The one thing remembered between events, across both languages'
        # builds: the photos pages' text used (docs path -> image_render.Picture),
        # whose renditions on_post_build writes.
        self.used: dict = {}

    # 1. Configuration: read and check every input once per build, in the
    #    first language's; later languages' builds use the same inputs.
    def on_config(self, config):
        if not hasattr(self, "inputs"):
            self.inputs = inputs.load(config)
        self.macros = markers.Macros(config.theme)
        self.css = page_css.PageCss(config.theme.dirs, self.inputs.docs_dir)
        return config

    # 2. The files and the menu of the language being built: drafts and posts
    #    dated after today left out, shared images and attachments in, and the
    #    news pages once there are posts.
    def on_files(self, files, config):
        for src_uri in self.inputs.held_back:
            found = files.get_file_from_path(src_uri)
            if found is not None:
                files.remove(found)
        return files

    def on_nav(self, nav, config, files):
        lang = config.theme["language"]
        bilingual.share_assets(files, config)
        media.nfc_names(files)  # here, after static-i18n has made its own copies of the files
        news_pages.add(nav, files, config, self.inputs.news, self.inputs.ui[lang], self.inputs.languages.root(lang), lang)
        return nav

    # 3. Each page's kind decides its template.
    def on_page_markdown(self, markdown, page, config, files):
        page.meta["template"] = views.kind_of(page, self.inputs.languages).template
        return markdown

    # 4. Each page's body: generated blocks at their markers, a long page's
    #    sections under its title, every photo it uses as a responsive picture
    #    (a link to one leads to a clean copy), a link to a video as a card
    #    naming its host, staff notes out.
    def on_page_content(self, html, page, config, files):
        lang, ui, where = page.file.locale, self.inputs.ui[page.file.locale], f"docs/{page.file.src_uri}"
        html = markers.replace(
            html, where, self.macros,
            goal_views=lambda: goals.views(self.inputs.goals, lang, ui, compact=False),
            form_for_topic=lambda topic: views.contact_form(self.inputs, page, topic),
            service=self.inputs.form_service, ui=ui, lang=lang,
            members=lambda: views.member_groups(self.inputs, ui, page.url),
            people=lambda: views.people(self.inputs, lang, page.url))
        html = markers.focus_cards(html, where, self.macros,
                                   lambda: views.focus_areas(getattr(page, "parent", None), page.url, self.inputs.pages,
                                                                   self.inputs.docs_dir))
        html = markers.after_title(html, where, self.macros, views.inline_toc(page), ui)
        html = media.process(html, media.find(html, page.url, page.file.src_uri, self.inputs.docs_files), page.url,
                             lambda source: self.photo(source, where),
                             lambda view: self.macros.call(markers.PICTURE_MACRO, "picture", where, view))
        html = videos.cards(html, lambda view: self.macros.call(videos.VIDEO_MACRO, "video", where, view, ui))
        return content.strip_staff_notes(html)

    def photo(self, source: str, where: str):
        if source not in self.used:
            self.used[source] = pictures.render_used(source, self.inputs.docs_dir, self.inputs.root, where)
        return self.used[source]

    # 5. Templates: Material's, with our few checked patches and our filters.
    def on_env(self, env, config, files):
        return markers.add_filters(theme_patches.apply(env))

    # 6. What templates know about a page: its view, as `cpc`.
    def on_page_context(self, context, page, config, nav):
        page.meta["hide"] = views.hidden_parts(page, views.kind_of(page, self.inputs.languages))
        context["cpc"] = views.page_view(page, self.inputs, nav)
        return context

    def on_template_context(self, context, template_name, config):
        if template_name == views.Kind.NOT_FOUND.template:
            context["cpc"] = views.not_found_view(self.inputs)
        return context

    # 7. The final HTML: the CSS this page can use goes into it, and the
    #    Content-Security-Policy hashes every inline script and style.
    def on_post_page(self, output, page, config):
        return self.finish(output, f"docs/{page.file.src_uri}")

    def on_post_template(self, output, template_name, config):
        if template_name != views.Kind.NOT_FOUND.template:
            return output
        # One 404.html serves every language; the default language's build
        # writes it, and later language builds keep that one.
        if config.theme["language"] != self.inputs.languages.default:
            return (self.inputs.site_dir / template_name).read_text(encoding="utf-8")
        return self.finish(output, template_name)

    def finish(self, html: str, where: str) -> str:
        return csp.add_policy(self.css.fill(html, where), self.inputs.form_service.origin, where)

    # 8. After the last language: Material's script, the photos' renditions in
    #    place of the uploads, SVGs and PDFs cleaned, feeds and calendars, the
    #    search index, the content editor at /admin/ (after the index, so it is
    #    never searched), and last the gate: no published file carries
    #    personal metadata or script.
    def on_post_build(self, config):
        if config.theme["language"] != self.inputs.languages.last_built:
            return
        site_dir, languages = self.inputs.site_dir, self.inputs.languages
        assets.write(config)
        every = [*self.inputs.pictures.values(), *self.used.values()]
        pictures.write(every, self.inputs.root, site_dir)
        pictures.remove_uploads(self.inputs.docs_dir, site_dir, languages)
        cleaned = documents.publish(self.inputs.docs_dir, site_dir, [languages.root(lang) for lang in languages.locales])
        feeds.write(self.inputs.news, self.inputs.ui, self.inputs.site_url, languages, site_dir)
        search.build_index(site_dir)
        cms.write(config, languages, self.inputs.root, site_dir, self.inputs.pages)
        # Every docs/ file keeps its path in site/; renditions name their upload.
        sources = {**self.inputs.docs_files, **cleaned, **pictures.sources(every)}
        audit.gate(site_dir, sources)

    # 9. `make serve` reloads when a data file changes.
    def on_serve(self, server, config, builder):
        server.watch(str(self.inputs.root / "data"))
        return server


_pipeline = Pipeline()
on_config = _pipeline.on_config
on_files = _pipeline.on_files
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
