"""Each kind of content, declared once: post, event, page, goal, measurement,
member, person, organisation.

From these declarations come the checks that `make check` and the build
run (fields.check), the content editor's fields (cms.py) and the field
lists CONTRIBUTING.md must name (a unit test holds the guide to them).
What no single field can know is a rule of the kind, in its module:
news.py (posts, events), goals.py, directory.py.
"""
from __future__ import annotations

from cpc import media_types
from cpc.fields import LISTED, Editor, Field, Kind, Type, Words, line_of
from cpc.problems import Problem

OWN, SAME = Editor.OWN, Editor.SAME
DESCRIPTION_MAX = 160
TITLE_MAX = 100
# What `hide:` may list (Material's page options).
HIDE_VALUES = ("navigation", "toc", "footer", "path", "feedback", "tags")
PHOTO_SUFFIXES = tuple(sorted(media_types.PHOTO_SUFFIXES))
LOGO_SUFFIXES = (".svg", *PHOTO_SUFFIXES)

HIDE = Field("hide", Type.CHOICES, Words("Skjul deler av siden", "Hide parts of the page"),
             Words("Sjelden nødvendig. La stå tom om du er usikker.", "Rarely needed. Leave empty if unsure."),
             choices=HIDE_VALUES, example="[toc]", editor=SAME)
WHY_DESCRIPTION = Words(f"; søkemotorer viser bare rundt {DESCRIPTION_MAX}", f"; search engines show only about "
                                                                            f"{DESCRIPTION_MAX}")

def event_rules(values: dict, mapping, context) -> list[Problem]:
    """An event ends after it starts, and sign-up closes before it starts."""
    problems = []
    start, end, signup = values["start"], values["end"], values.get("signup_until")
    if end <= start:
        problems.append(Problem(line_of(mapping, "end"), "Arrangementet slutter før det begynner. Sjekk start og end.",
                                "The event ends before it starts. Check start and end."))
    if signup and signup > start.date():
        problems.append(Problem(line_of(mapping, "signup_until"),
                                "Påmeldingsfristen (signup_until) er etter at arrangementet begynner. Sett den til senest "
                                f"{start.date().isoformat()}.",
                                "The sign-up deadline (signup_until) is after the event starts. Set it to "
                                f"{start.date().isoformat()} or earlier."))
    return problems


EVENT = Kind("event", (
    Field("start", Type.DATE_TIME, Words("Starter", "Starts"), Words("Norsk tid.", "Norwegian time."),
          required=True, example="2027-03-04 10:00", editor=SAME),
    Field("end", Type.DATE_TIME, Words("Slutter", "Ends"), Words("Norsk tid, etter start.", "Norwegian time, after the start."),
          required=True, example="2027-03-04 12:00", editor=SAME),
    Field("location", Type.TEXT, Words("Sted", "Place"),
          Words("For eksempel «Pakkhuset, Oslo».", "For example \"Pakkhuset, Oslo\"."),
          required=True, example="Pakkhuset, Oslo", editor=OWN),
    Field("signup_until", Type.DATE, Words("Påmeldingsfrist", "Sign-up deadline"),
          Words("Med en frist får saken et påmeldingsskjema frem til og med denne dagen.",
                "With a deadline the post gets a sign-up form up to and including this day."),
          example="2027-03-01", editor=SAME),
), Words("Arrangementet", "The event"), rules=(event_rules,))

POST = Kind("post", (
    Field("title", Type.TEXT, Words("Tittel", "Title"),
          Words("Kort og konkret, uten punktum.", "Short and concrete, without a full stop."),
          required=True, max_length=TITLE_MAX, editor=OWN),
    Field("description", Type.LONG_TEXT, Words("Beskrivelse", "Description"),
          Words(f"Én eller to korte setninger, høyst {DESCRIPTION_MAX} tegn. Vises i nyhetsoversikten, i søk og når "
                "saken deles, men ikke på selve saken.",
                f"One or two short sentences, at most {DESCRIPTION_MAX} characters. Shown in the news list, in search "
                "and when the post is shared, but not on the post itself."),
          required=True, max_length=DESCRIPTION_MAX, why_max=WHY_DESCRIPTION, editor=OWN),
    Field("date", Type.DATE, Words("Publiseringsdato", "Publication date"),
          Words("Saken vises fra denne dagen. En senere dato holder den tilbake til da.",
                "The post shows from this day. A later date holds it back until then."),
          required=True, example="2027-03-04", editor=SAME),
    Field("draft", Type.YES_NO, Words("Utkast", "Draft"),
          Words("Et utkast vises ikke på nettstedet.", "A draft is not shown on the website."),
          example="true", editor=SAME, default=False),
    Field("image", Type.FILE, Words("Bilde", "Picture"),
          Words("JPEG, PNG, WebP eller SVG. Bildet renses for posisjon og kameradata før det lagres.",
                "JPEG, PNG, WebP or SVG. The picture is cleaned of position and camera data before it is saved."),
          example="bilde.jpg", editor=SAME),
    Field("image_alt", Type.TEXT, Words("Alternativ tekst for bildet", "Alt text for the picture"),
          Words("Påkrevd når saken har bilde: beskriv hva bildet viser, for dem som ikke ser det.",
                "Required when the post has a picture: say what it shows, for those who cannot see it."),
          required_with="image", missing_with=Words("Bildet mangler alternativ tekst", "The picture has no alt text"),
          example="kort beskrivelse av bildet", editor=OWN),
    Field("image_caption", Type.TEXT, Words("Bildetekst", "Caption"),
          Words("Valgfri tekst under bildet.", "Optional text below the picture."), editor=OWN),
    Field("image_credit", Type.TEXT, Words("Fotograf eller kilde", "Photographer or source"),
          Words("Bare navnet, for eksempel «Kari Nordmann»; nettstedet skriver «Foto:» foran. Skriv fotografens navn "
                "når du vet det.", "Just the name; the website writes \"Photo:\" before it."), editor=OWN),
    Field("event", Type.GROUP, Words("Arrangement", "Event"),
          Words("Fyll ut bare når saken er et arrangement.", "Fill in only when the post is an event."),
          entries=EVENT, editor=OWN),
    HIDE,
), Words("Innlegget", "The post"))

PAGE = Kind("page", (
    Field("title", Type.TEXT, Words("Tittel", "Title"),
          Words("Sidens navn i menyen og i fanen.", "The page's name in the menu and the browser tab."),
          required=True, max_length=TITLE_MAX, editor=OWN),
    Field("description", Type.LONG_TEXT, Words("Beskrivelse", "Description"),
          Words(f"Én setning, høyst {DESCRIPTION_MAX} tegn, som vises i søkeresultater.",
                f"One sentence, at most {DESCRIPTION_MAX} characters, shown in search results."),
          required=True, max_length=DESCRIPTION_MAX, why_max=WHY_DESCRIPTION, editor=OWN),
    HIDE,
), Words("Toppfeltet (front matter)", "The front matter"), Words("mellom de tre bindestrekene øverst",
                                                                 "between the three dashes at the top"))

# --- Goals (data/goals.yml) ---------------------------------------------------------

YEAR = Field("year", Type.YEAR, Words("År", "Year"), required=True, example="2024")
VALUE = Field("value", Type.PERCENT, Words("Verdi", "Value"), Words("Et tall fra 0 til 100, uten %.",
                                                                    "A number from 0 to 100, without %."),
              required=True, example="27.5")
POINT = Kind("point", (VALUE, YEAR), Words("Punktet", "The point"))
TARGET = Kind("target", (VALUE, YEAR, Field("at_least", Type.YES_NO, Words("Minst", "At least"),
                                            Words("Når målet sier «minst».", "When the goal says \"at least\"."),
                                            example="true", default=False)),
              Words("Målet", "The target"))
MEASUREMENT = Kind("measurement", (
    Field("year", Type.YEAR, Words("År", "Year"), required=True, example="2024", unique=True),
    VALUE,
    Field("source_title", Type.TEXT, Words("Kilde", "Source"),
          Words("Tittelen på rapporten eller statistikken. Bruk bare publiserte tall med kilde.",
                "The title of the report or statistics. Use only published figures with a source."),
          required=True, example="Statistikk fra …"),
    Field("source_url", Type.WEB_ADDRESS, Words("Kildens adresse", "The source's address"),
          Words("Begynner med https://.", "Starts with https://."),
          required=True, schemes=("http", "https"), example="https://www.ssb.no/…"),
), Words("Målingen", "The measurement"), LISTED)
GOAL = Kind("goal", (
    Field("id", Type.TEXT, Words("Kortnavn (id)", "Short name (id)"),
          Words("Kort, små bokstaver og bindestrek; brukes i sidens lenker. Endre det ikke.",
                "Short, lower case and hyphens; used in the page's links. Do not change it."),
          required=True, unique=True, pattern=r"[a-z0-9]+(?:-[a-z0-9]+)*", example="materialgjenvinning",
          pattern_message=Words("Bruk små bokstaver a–z, tall og bindestrek, for eksempel «materialgjenvinning».",
                                "Use lower-case a–z, digits and hyphens, such as \"materialgjenvinning\".")),
    Field("kind", Type.CHOICE, Words("Type", "Kind"),
          Words("quantitative har tall og diagram, qualitative bare tekst.",
                "quantitative has figures and a chart, qualitative only text."),
          required=True, choices=("quantitative", "qualitative"), example="quantitative"),
    Field("title", Type.TRANSLATED, Words("Tittel", "Title"), Words("På norsk og engelsk.", "In Norwegian and English."),
          required=True),
    Field("statement", Type.TRANSLATED, Words("Målet i én setning", "The goal in one sentence"),
          Words("Ingen tall: skriv {baseline}, {baseline_year}, {target} og {target_year}.",
                "No figures: write {baseline}, {baseline_year}, {target} and {target_year}."), required=True),
    Field("unit", Type.CHOICE, Words("Enhet", "Unit"), Words("«%» (verdiene er 0–100). Bare for mål med tall.",
                                                              "\"%\" (values are 0–100). Only for goals with figures."),
          choices=("%",), example="'%'"),
    Field("baseline", Type.GROUP, Words("Utgangspunkt", "Baseline"),
          Words("Bare for mål med tall. La det stå tomt når målet ikke oppgir noe utgangspunkt.",
                "Only for goals with figures. Leave it empty when the goal states no starting point."), entries=POINT),
    Field("target", Type.GROUP, Words("Mål", "Target"), Words("Bare for mål med tall.", "Only for goals with figures."),
          entries=TARGET),
    Field("measurements", Type.LIST, Words("Målinger", "Measurements"),
          Words("Bare publiserte tall, alltid med kilde.", "Only published figures, always with a source."),
          entries=MEASUREMENT),
), Words("Målet", "The goal"), LISTED)

# --- Who the cluster is (data/members.yml, people.yml, organisation.yml) ------------

MEMBER = Kind("member", (
    Field("name", Type.TEXT, Words("Navn", "Name"),
          Words("Bare organisasjoner klyngen har bekreftet. Navnet vises som logoens alternative tekst og lenketekst, "
                "på forsiden og på «Om klyngen».",
                "Only organisations the cluster has confirmed. The name is shown as the logo's alt text and link text, "
                "on the home page and on \"Om klyngen\"."),
          required=True, unique=True, example="Eksempel AS"),
    Field("url", Type.WEB_ADDRESS, Words("Nettadresse", "Web address"),
          Words("Hele adressen, som begynner med https://.", "The whole address, starting with https://."),
          required=True, example="https://www.eksempel.no"),
    Field("logo", Type.FILE, Words("Logo", "Logo"),
          Words("SVG er best; PNG, JPEG eller WebP går også. Hver oppføring må ha en logo.",
                "SVG is best; PNG, JPEG or WebP will do. Every entry needs a logo."),
          required=True, folder="assets/logos", suffixes=LOGO_SUFFIXES, example="assets/logos/eksempel.svg"),
    Field("kind", Type.CHOICE, Words("Type", "Kind"),
          Words("member: medlem. partner: samarbeidspartner. funder: finansierer (vises under «Finansiert av»).",
                "member, partner, or funder (shown under \"Funded by\")."),
          required=True, choices=("member", "partner", "funder"), example="member"),
), Words("Medlemmet", "The member"), LISTED)
PERSON = Kind("person", (
    Field("name", Type.TEXT, Words("Navn", "Name"),
          Words("Bare personer som har sagt ja til å stå på nettstedet. Vises på siden «Kontakt».",
                "Only people who have agreed to be on the website. Shown on the contact page."),
          required=True, unique=True, example="Kari Nordmann"),
    Field("role", Type.TRANSLATED, Words("Rolle", "Role"),
          Words("På norsk (nb) og engelsk (en), for eksempel «Daglig leder» og «Managing director».",
                "In Norwegian (nb) and English (en), for example \"Daglig leder\" and \"Managing director\"."),
          required=True),
    Field("email", Type.EMAIL, Words("E-post", "Email"),
          Words("Hele adressen. Vises som lenke.", "The whole address. Shown as a link."),
          required=True, example="kari@eksempel.no"),
    Field("phone", Type.PHONE, Words("Telefon", "Phone"),
          Words("Valgfritt, for eksempel «+47 400 00 000».", "Optional, for example \"+47 400 00 000\"."),
          example="\"+47 400 00 000\""),
    Field("photo", Type.FILE, Words("Bilde", "Photo"),
          Words("Valgfritt. Bildet renses for posisjon og kameradata før det lagres.",
                "Optional. The picture is cleaned of position and camera data before it is saved."),
          folder="assets/people",
          suffixes=PHOTO_SUFFIXES, example="assets/people/kari.jpg"),
), Words("Kontaktpersonen", "The contact person"), LISTED)
SOCIAL = Kind("social", (
    Field("name", Type.TEXT, Words("Navn", "Name"), required=True, example="LinkedIn"),
    Field("url", Type.WEB_ADDRESS, Words("Adresse", "Address"), Words("Begynner med https://.", "Starts with https://."),
          required=True, example="https://www.linkedin.com/company/…"),
), Words("Profilen", "The profile"))
ORGANISATION = Kind("organisation", (
    Field("address", Type.TEXT, Words("Postadresse", "Postal address"),
          Words("På én linje, for eksempel «Gate 1, 0150 Oslo». Vises nederst på alle sider; står feltet tomt, vises "
                "ingenting.",
                "On one line, for example \"Gate 1, 0150 Oslo\". Shown at the foot of every page; left empty, nothing "
                "is shown."),
          example="Gate 1, 0150 Oslo"),
    Field("org_number", Type.TEXT, Words("Organisasjonsnummer", "Organisation number"),
          Words("Ni sifre. Vises nederst på alle sider; står feltet tomt, vises ingenting.",
                "Nine digits. Shown at the foot of every page; left empty, nothing is shown."), pattern=r"\d{3} ?\d{3} ?\d{3}", example="\"123456789\"",
          pattern_message=Words("Organisasjonsnummeret skal være ni sifre.", "The organisation number must be nine digits.")),
    Field("social", Type.LIST, Words("Sosiale medier", "Social media"),
          Words("Klyngens profiler, én per oppføring, for eksempel LinkedIn. Vises nederst på alle sider.",
                "The cluster's profiles, one per entry, for example LinkedIn. Shown at the foot of every page."),
          entries=SOCIAL),
), Words("Klyngens opplysninger", "The organisation's facts"), Words("i filen", "to the file"))

# Every kind, by the name the guide and the tests use.
ALL = {kind.name: kind for kind in (POST, EVENT, PAGE, GOAL, POINT, TARGET, MEASUREMENT, MEMBER, PERSON, SOCIAL,
                                    ORGANISATION)}
