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
import unicodedata
from dataclasses import dataclass
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


def free_name(rel: str, taken: set[str]) -> str:
    """A name beside `rel` that no file has, whatever the case: foto-2.jpg."""
    folder, _, name = rel.rpartition("/")
    stem, dot, ending = name.rpartition(".") if "." in name else (name, "", "")
    for number in range(2, 1000):
        candidate = f"{folder}/" * bool(folder) + f"{stem.lower()}-{number}{dot}{ending.lower()}"
        if unicodedata.normalize("NFC", candidate).casefold() not in taken:
            return candidate
    return rel


def case_clash(first: str, second: str, free: str) -> tuple[str, str]:
    """Two files whose names differ only by capital and small letters."""
    a, b, new = (PurePosixPath(n).name for n in (first, second, free))
    return (f"«{b}» og «{a}» har samme navn hvis du ser bort fra store og små bokstaver. På Mac og Windows blir de én "
            f"fil, så den ene overskriver den andre. Gi «{b}» et ledig navn, for eksempel «{new}», og skriv det nye "
            "navnet der filen brukes.",
            f"\"{b}\" and \"{a}\" have the same name apart from capital and small letters. On a Mac and Windows they "
            f"become one file, so one overwrites the other. Give \"{b}\" a free name, for example \"{new}\", and "
            "write the new name where the file is used.")


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
    if name.lower().endswith((".md.txt", ".markdown.txt")):
        fixed = name[:name.lower().rindex(".txt")].removesuffix(".markdown") .removesuffix(".MARKDOWN")
        fixed = fixed if fixed.lower().endswith(".md") else fixed + ".md"
        return Problem(
            1, f"«{name}» er en side som er lagret som tekstfil (Notisblokk legger til .txt). Gi filen navnet "
               f"«{fixed}»: velg «Alle filer» i stedet for «Tekstdokumenter» når du lagrer.",
            f"\"{name}\" is a page saved as a text file (Notepad adds .txt). Rename the file to \"{fixed}\": choose "
            "\"All files\" instead of \"Text documents\" when you save.")
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


# ------------------------------------------------------------- photos

def is_raster(name: str) -> bool:
    """True for anything the image step must handle or refuse; False for SVG
    (left as it is) and non-images."""
    ending = suffix(name)
    return ending in PHOTO_SUFFIXES or ending in OTHER_IMAGE_SUFFIXES


@dataclass(frozen=True)
class ImageProblem:
    kind: str      # missing | unsupported | corrupt | heic_unreadable | too_small
    level: str     # error | warning
    nb: str
    en: str


class ImageRejected(Exception):
    """render() met a photo that inspect() would have refused."""

    def __init__(self, problem: ImageProblem):
        super().__init__(problem.en)
        self.problem = problem


# ------------------------------------------------------ photos' messages

def missing_image(label: str, variant: str | None) -> ImageProblem:
    if variant:
        return ImageProblem(
            "missing", "error",
            nb=f"Finner ikke bildet «{label}». Det som finnes, heter «{variant}». Skriv navnet med "
               "nøyaktig de samme store og små bokstavene som filen har.",
            en=f"The image \"{label}\" was not found. What exists is called \"{variant}\". Write the "
               "name with exactly the same capital and small letters as the file.")
    return ImageProblem(
        "missing", "error",
        nb=f"Finner ikke bildet «{label}». Sjekk at bildet er lastet opp, og at navnet er skrevet "
           "likt, med samme store og små bokstaver.",
        en=f"The image \"{label}\" was not found. Check that it is uploaded and that the name is "
           "spelt the same, with the same capital and small letters.")


def unsupported_image(label: str, found: str | None) -> ImageProblem:
    if found:
        return ImageProblem(
            "unsupported", "error",
            nb=f"«{label}» er et {found}-bilde, og det formatet kan ikke brukes på nettsidene. "
               "Lagre bildet som JPEG eller PNG og last det opp på nytt.",
            en=f"\"{label}\" is a {found} image, a format the website cannot use. Save the picture "
               "as JPEG or PNG and upload it again.")
    return ImageProblem(
        "unsupported", "error",
        nb=f"«{label}» er ikke et bilde vi kan lese, selv om navnet ser slik ut. Last opp bildet "
           "som JPEG eller PNG, slik det kom fra telefonen eller kameraet.",
        en=f"\"{label}\" is not an image we can read, even though its name looks like one. Upload "
           "the picture as JPEG or PNG, as it came from the phone or camera.")


def corrupt_image(label: str) -> ImageProblem:
    return ImageProblem(
        "corrupt", "error",
        nb=f"Bildet «{label}» er skadet eller bare delvis lastet opp, og kan ikke leses. Last det "
           "opp på nytt fra telefonen eller kameraet.",
        en=f"The image \"{label}\" is damaged or only partly uploaded, and cannot be read. Upload "
           "it again from the phone or camera.")


def too_large_image(label: str, size: tuple[int, int] | None, max_pixels: int) -> ImageProblem:
    shown = f" ({size[0]} × {size[1]} piksler)" if size else ""
    shown_en = f" ({size[0]} × {size[1]} pixels)" if size else ""
    return ImageProblem(
        "too_large", "error",
        nb=f"Bildet «{label}» er for stort{shown}: nettstedet tar bilder på opptil {max_pixels // 1_000_000} "
           "megapiksler. Lagre det mindre, for eksempel 4000 piksler bredt, eller ta bildet med kameraets vanlige "
           "oppløsning (ikke 200 MP-modus), og last det opp på nytt.",
        en=f"The image \"{label}\" is too large{shown_en}: the website takes photos of up to "
           f"{max_pixels // 1_000_000} megapixels. Save it smaller, for example 4000 pixels wide, or take it at the "
           "camera's usual resolution (not its 200 MP mode), and upload it again.")


def heic_unreadable(label: str) -> ImageProblem:
    return ImageProblem(
        "heic_unreadable", "error",
        nb=f"«{label}» er et HEIC-bilde (iPhone-formatet), og det kan ikke leses her. Lagre bildet "
           "som JPEG og last det opp på nytt: på iPhone, velg Innstillinger > Kamera > Formater > "
           "Mest kompatibel før du tar bildet, eller del eller eksporter bildet som JPEG.",
        en=f"\"{label}\" is a HEIC image (the iPhone format), and it cannot be read here. Save the "
           "picture as JPEG and upload it again: on an iPhone, choose Settings > Camera > Formats "
           "> Most Compatible before taking the photo, or share or export it as JPEG.")


def too_small_image(label: str, width: int, min_width: int) -> ImageProblem:
    return ImageProblem(
        "too_small", "warning",
        nb=f"Bildet «{label}» er bare {width} piksler bredt, men plassen det skal fylle, trenger "
           f"minst {min_width}, så det vil se uskarpt ut. Bruk originalbildet fra telefonen eller "
           "kameraet om du har det.",
        en=f"The image \"{label}\" is only {width} pixels wide, but the space it fills needs at "
           f"least {min_width}, so it will look blurred. Use the original photo from the phone or "
           "camera if you have it.")
