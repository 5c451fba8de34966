"""The site's build steps, as plain modules.

hooks/pipeline.py is the one hook MkDocs calls; it runs these modules in the
order it lists them. Nothing here keeps state between calls: what a build
knows lives in the `Site` object (site.py) made once per build.
"""
