"""The checked patches of Material's templates (hooks/cpc/theme_patches.py):
each applies to the installed Material, and one that no longer matches stops
the build with a message that names the template and the reason."""
from __future__ import annotations

from pathlib import Path

import jinja2
import material
import pytest
from mkdocs.exceptions import PluginError

from cpc import theme_patches

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def test_every_patch_applies_to_the_installed_material():
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(MATERIAL_TEMPLATES))
    sources = theme_patches.patched_sources(env.loader, env)
    for patch in theme_patches.PATCHES:
        assert patch.new in sources[patch.template], patch


@pytest.mark.parametrize("patch", theme_patches.PATCHES, ids=lambda patch: f"{patch.template}:{patch.old[:30]}")
def test_a_patch_that_no_longer_matches_stops_the_build(patch):
    env = jinja2.Environment(loader=jinja2.DictLoader({patch.template: "<p>Markup of a later Material</p>"}))
    with pytest.raises(PluginError) as caught:
        theme_patches.patched_sources(env.loader, env, (patch,))
    message = str(caught.value)
    assert patch.template in message and "found 0" in message and patch.why in message
