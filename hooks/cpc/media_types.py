"""What staff may publish from docs/, and what happens to each kind of file
(issue 25). One explicit list: a file type not named here is refused, with
a message saying what to do instead. CONTRIBUTING.md ("Filer du kan laste
opp") says the same to staff.

- pages (.md): built by MkDocs;
- photos (every raster ending, .jfif and .jpe included): through the image
  step (image_render.py); the upload itself is never published;
- SVG (logos, drawings): sanitised by svg-hush (documents.py);
- PDF: metadata and scripts removed by qpdf (documents.py);
- the developers' own files (stylesheets, scripts, CNAME, robots.txt): as
  they are, reviewed as code;
- video, Office files, other image formats and anything else: refused.
"""
from __future__ import annotations

import enum
from pathlib import PurePosixPath

from cpc.problems import Problem


class Treatment(enum.Enum):
    PAGE = "page"
    PHOTO = "photo"
    SVG = "svg"
    PDF = "pdf"
    SITE = "site"
    REFUSED = "refused"


# Raster endings the image step reads. .jfif/.jpe/.jif: how Windows and some
# browsers save a downloaded JPEG.
PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".jpe", ".jfif", ".jif", ".png", ".webp", ".avif", ".heic", ".heif"})
# Pictures in formats a browser or the image step cannot use well: refused
# with the image step's own message (save as JPEG or PNG).
OTHER_IMAGE_SUFFIXES = frozenset({".bmp", ".gif", ".tif", ".tiff", ".jxl", ".jp2", ".ico", ".psd",
                                  ".dng", ".raw", ".cr2", ".nef", ".arw"})
VIDEO_SUFFIXES = frozenset({".mov", ".mp4", ".m4v", ".avi", ".wmv", ".webm", ".mkv", ".3gp", ".mpg", ".mpeg"})
OFFICE_SUFFIXES = frozenset({".doc", ".docx", ".docm", ".xls", ".xlsx", ".xlsm", ".ppt", ".pptx", ".pptm",
                             ".odt", ".ods", ".odp", ".rtf", ".pages", ".numbers", ".key"})
# The developers' files, by folder and ending, and the few single files
# GitHub Pages and crawlers read at the root.
SITE_FOLDERS = {"assets/stylesheets/": ".css", "assets/javascripts/": ".js"}
SITE_FILES = frozenset({"CNAME", "robots.txt"})
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")  # misnamed ones: bilingual.name_problem


def suffix(name: str) -> str:
    return PurePosixPath(name).suffix.lower()


def is_ignored(rel: str) -> bool:
    """Hidden files (.DS_Store, .gitkeep): MkDocs never publishes them."""
    return any(part.startswith(".") for part in rel.split("/"))


def treatment(rel: str) -> Treatment:
    """How a docs-relative file is published."""
    ending = suffix(rel)
    if ending in MARKDOWN_SUFFIXES:
        return Treatment.PAGE
    if ending in PHOTO_SUFFIXES:
        return Treatment.PHOTO
    if ending == ".svg":
        return Treatment.SVG
    if ending == ".pdf":
        return Treatment.PDF
    if rel in SITE_FILES or any(rel.startswith(folder) and ending == kind for folder, kind in SITE_FOLDERS.items()):
        return Treatment.SITE
    return Treatment.REFUSED


def refusal(rel: str) -> Problem:
    """What to do with a file that is not published, Norwegian first (line 1 of the file itself)."""
    name, ending = PurePosixPath(rel).name, suffix(rel)
    kind = ending.lstrip(".").upper() or name
    if ending in VIDEO_SUFFIXES:
        return Problem(
            1, f"«{name}» er en video. Videoer publiseres ikke fra nettstedet: de er store, og filer fra telefonen "
               "har ofte med seg stedet de ble filmet. Last videoen opp hos en videotjeneste (for eksempel YouTube "
               "eller Vimeo), slett filen her, og lenk til videoen på en egen linje: [Se videoen](https://…). Siden "
               "viser da et lenkekort som sier hvor videoen ligger.",
            f"\"{name}\" is a video. Videos are not published from the website: they are large, and files from a "
            "phone often carry the place they were filmed. Upload the video to a video service (for example "
            "YouTube or Vimeo), delete the file here, and link to the video on a line of its own: "
            "[Watch the video](https://...). The page then shows a link card naming where the video is.")
    if ending in OFFICE_SUFFIXES:
        return Problem(
            1, f"«{name}» er et Office-dokument ({kind}). Slike filer kan ha med seg forfatter, kommentarer og "
               "tidligere versjoner, og mange lesere kan ikke åpne dem. Lagre dokumentet som PDF (Fil > Lagre som "
               "> PDF), last opp PDF-en, og slett denne filen.",
            f"\"{name}\" is an Office document ({kind}). Such files can carry their author, comments and earlier "
            "versions, and many readers cannot open them. Save the document as PDF (File > Save as > PDF), upload "
            "the PDF, and delete this file.")
    if ending in OTHER_IMAGE_SUFFIXES:
        return Problem(
            1, f"«{name}» er et {kind}-bilde, og det formatet kan ikke brukes på nettsidene. Lagre bildet som JPEG "
               "eller PNG, last det opp på nytt, og slett denne filen.",
            f"\"{name}\" is a {kind} image, a format the website cannot use. Save the picture as JPEG or PNG, "
            "upload it again, and delete this file.")
    return Problem(
        1, f"«{name}» er en filtype ({kind}) nettstedet ikke publiserer. Nettstedet tar bilder (JPEG, PNG, HEIC, "
           "WebP, AVIF), logoer og tegninger (SVG) og dokumenter (PDF); se «Filer du kan laste opp» i "
           "CONTRIBUTING.md. Lagre filen i et av disse formatene, eller slett den.",
        f"\"{name}\" is a file type ({kind}) the website does not publish. The website takes photos (JPEG, PNG, "
        "HEIC, WebP, AVIF), logos and drawings (SVG) and documents (PDF); see \"Filer du kan laste opp\" in "
        "CONTRIBUTING.md. Save the file in one of those formats, or delete it.")
