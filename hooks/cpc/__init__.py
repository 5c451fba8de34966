"""The site's build steps, as plain modules.

hooks/pipeline.py is the one hook MkDocs calls; it runs these modules in the
order it lists them. Nothing here keeps state between calls: what a build
reads is checked once into a frozen `Inputs` (inputs.py), and each page's
view is made from it (views.py).
"""
