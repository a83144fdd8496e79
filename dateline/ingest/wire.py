"""Wire-copy metadata read from the text itself: headline, outlet, dateline, publication stamp, body.

Plain-text news copy carries its metadata inline::

    Pompeo says 'Iran-Backed' forces behind ...            <- headline (first line)
    US Secretary of State Michael Pompeo on Sunday ...     <- standfirst (repeated below)
    ANI | Washington DC | Updated: 21-12-2020 09:38 IST    <- metadata line
    US Secretary of State Michael Pompeo. Image Credit: ANI  <- caption/credit
    ... story ... (ANI)                                    <- agency trailer
    Ahead of the Biden-presidency, China and ...           <- trailing headline

Also read: "WASHINGTON (Reuters) -", "BAGHDAD, Dec 20 (AFP) -", "KABUL, Afghanistan (AP) —" leads,
bylines, "Published:/Updated:" lines, bare date lines, share/subscribe boilerplate, "Related:" links and
photo captions. Everything is found by general line rules; every removed piece keeps its span into the
exact input text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from .. import lang
from ..models import Removed, Span
from .agencies import agency_pattern, find_agency
from .leaddate import LeadDate, nearest_date, parse_lead_date
from .places import place_country
from .stamps import Stamp, find_stamp, month_stems
from .timezones import ambiguous_abbreviation

__all__ = ["WireInfo", "read_wire"]

# Removal reasons (a closed vocabulary, documented in docs/ingest.md).
METADATA = "metadata line"
BYLINE = "byline"
DATELINE = "dateline"
CAPTION = "image caption/credit"
TRAILER = "agency trailer"
TRAILING_HEADLINE = "trailing headline"
STANDFIRST = "repeated standfirst"
BOILERPLATE = "boilerplate"
RELATED = "related link"
ADVERTISEMENT = "advertisement"
CREDITS = "credits line"

_HEAD_LINES = 10  # metadata lines are looked for among the first lines only
_SENTENCE_END = re.compile(r"[.!?:;…)\]\"'”’]$")


def _fragment(name: str) -> str:
    """A pattern of lang/en/wire_lines.toml, its pieces joined and byline openers filled in."""
    pieces = lang.load().data("wire_lines")[name]
    return "".join(pieces).replace("{BYLINE_OPENERS}", "|".join(lang.load().list("byline_openers")))


def _line_pattern(name: str) -> re.Pattern[str]:
    return re.compile(_fragment(name), re.I)


_FIRST_PUBLICATION = _line_pattern("first_publication")
_STAMP_LABEL = _line_pattern("stamp_label")
_STORY_FROM = _line_pattern("story_from")
_BYLINE = _line_pattern("byline")
_BYLINE_OPENING = _line_pattern("byline_opening")
_CAPTION = _line_pattern("caption")
_RELATED = _line_pattern("related")
_ADVERT = _line_pattern("advert")
_BOILERPLATE = _line_pattern("boilerplate")
_CREDITS = _line_pattern("credits")
_STAMP_COMPANIONS = _line_pattern("stamp_companions")


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class WireInfo:
    """What the text says about itself; spans are offsets into the input text."""

    title: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    published: str | None = None
    body: Span | None = None
    removed: list[Removed] = field(default_factory=list)
    agency_country: str | None = None
    lead_date: LeadDate | None = None  # "Dec 20" of "BAGHDAD, Dec 20 (AFP) -"
    year_clue: date | None = None  # a stamp line after the head: gives a year-less lead its year

    def lead_date_with_year(self, clue: date | None) -> str | None:
        """The lead's date as ``YYYY-MM-DD``: its own year, else the year nearest ``clue``."""
        if self.lead_date is None:
            return None
        full = self.lead_date.full()
        if full is None and clue is not None:
            full = nearest_date(self.lead_date.month, self.lead_date.day, clue)
        return full.isoformat() if full else None


def read_wire(text: str, *, given_title: str | None = None, infer_title: bool = True) -> WireInfo:
    """Read headline, outlet, dateline, publication stamp, body span and removed pieces from ``text``."""
    lines = _lines(text)
    info = WireInfo()
    if not lines:
        return info
    first = _title_line(lines, given_title, infer_title)
    if first is not None and infer_title:
        info.title = lines[0].text
    head_end, stamps = _read_head(text, lines, 1 if first is not None else 0, info)
    tail_start = _read_tail(text, lines, head_end, info)
    body_lines = lines[head_end:tail_start]
    if not body_lines:  # everything looked like metadata: keep the story whole rather than empty
        body_lines, head_end = lines[(1 if first is not None else 0) :] or lines, 0
    _read_lead(text, body_lines[0], info)
    _mark_inner(text, body_lines[1:], info)
    info.body = Span.of(text, body_lines[0].start, body_lines[-1].end)
    info.published = _choose_stamp(stamps, info)
    if info.published is None and info.lead_date is not None:
        info.year_clue = _late_stamp_date(lines, head_end)
        info.published = info.lead_date_with_year(info.year_clue)
    info.removed.sort(key=lambda r: r.span.start)
    return info


def _lines(text: str) -> list[_Line]:
    """Non-blank lines with the offsets of their stripped content."""
    found = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group(0)
        content = raw.strip()
        if not content:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        found.append(_Line(start, start + len(content), content))
    return found


def _words(line: str) -> int:
    return len(line.split())


def _title_line(lines: list[_Line], given: str | None, infer: bool) -> _Line | None:
    first = lines[0]
    if given is not None:
        same = _squash(first.text).rstrip(".") == _squash(given).rstrip(".")
        return first if same and len(lines) > 1 else None
    if not infer or len(lines) < 2 or len(first.text) > 220:
        return None
    title_case = _title_case(first.text)
    # Headlines are short; a sentence-case line ending like a sentence is the story's first sentence.
    if _words(first.text) > (25 if title_case else 18) or re.fullmatch(r"\(.*\)", first.text):
        return None
    sentence_end = re.search(r"[.][\"'”’]?$", first.text) and not title_case
    if (
        re.search(r"[,;:]$", first.text)
        or sentence_end
        or _metadata_kind(first.text)
        or _lead_match(first.text)
    ):
        return None
    if _BYLINE.match(first.text) or _boilerplate_reason(first.text) or _wrapped(first, lines[1]):
        return None
    return first


def _title_case(line: str) -> bool:
    """Most longer words capitalised: a headline, even when it ends with a full stop."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _wrapped(first: _Line, following: _Line) -> bool:
    """Hard-wrapped prose, not a headline: the next line follows without a blank line, in lower case."""
    return following.text[:1].islower() and following.start - first.end <= 2


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _read_head(
    text: str, lines: list[_Line], start: int, info: WireInfo
) -> tuple[int, list[tuple[str, Stamp]]]:
    """Consume metadata, bylines, captions and a repeated standfirst; return where the body starts."""
    stamps: list[tuple[str, Stamp]] = []
    last_meta = start - 1
    limit = min(len(lines), start + _HEAD_LINES)
    paragraphs = 0  # story-like paragraphs seen: a standfirst may precede the metadata, a story may not
    for index in range(start, limit):
        line = lines[index]
        if _words(line.text) >= 15:
            paragraphs += 1
            if paragraphs > 1:
                break
        if _read_metadata(line.text, info, stamps):
            info.removed.append(
                Removed(text=line.text, reason=METADATA, span=Span.of(text, line.start, line.end))
            )
            last_meta = index
        elif _BYLINE.match(line.text) and _words(line.text) <= 12:
            info.removed.append(
                Removed(text=line.text, reason=BYLINE, span=Span.of(text, line.start, line.end))
            )
            _outlet_from_byline(line.text, info)
            last_meta = index
    body_start = last_meta + 1
    # Captions and boilerplate right after the metadata belong to the head, not the story.
    while body_start < len(lines) - 1:
        reason = _line_reason(lines[body_start].text)
        if reason is None:
            break
        line = lines[body_start]
        info.removed.append(Removed(text=line.text, reason=reason, span=Span.of(text, line.start, line.end)))
        body_start += 1
    _repeated_standfirst(text, lines, start, last_meta, body_start, info)
    return max(body_start, start), stamps


def _repeated_standfirst(
    text: str, lines: list[_Line], start: int, last_meta: int, body_start: int, info: WireInfo
) -> None:
    """A summary paragraph before the metadata that the story then repeats word for word."""
    if body_start >= len(lines) or last_meta <= start:
        return
    following = _squash(" ".join(line.text for line in lines[body_start : body_start + 3]))
    for line in lines[start:last_meta]:
        if any(r.span.start == line.start for r in info.removed):
            continue
        if _words(line.text) >= 5 and _squash(line.text) in following:
            info.removed.append(
                Removed(text=line.text, reason=STANDFIRST, span=Span.of(text, line.start, line.end))
            )


def _metadata_kind(line: str) -> str | None:
    """'pipes', 'labelled' or 'date' when the line is a metadata line, else None."""
    if _words(line) > 30:
        return None
    if "|" in line and any(find_stamp(part) for part in line.split("|")):
        return "pipes"
    if (_STAMP_LABEL.match(line) or _STORY_FROM.match(line)) and find_stamp(line):
        return "labelled"
    stamp = find_stamp(line)
    if stamp:
        rest = line[: stamp.start] + line[stamp.end :]
        rest = _STAMP_COMPANIONS.sub(" ", rest)
        if _words(rest) <= 1:
            return "date"
    return None


def _read_metadata(line: str, info: WireInfo, stamps: list[tuple[str, Stamp]]) -> bool:
    kind = _metadata_kind(line)
    if kind is None:
        return False
    parts = [p.strip() for p in line.split("|")] if kind == "pipes" else [line]
    fields = []
    for part in parts:
        stamp = find_stamp(part)
        if stamp:
            stamps.append((part, stamp))
        elif 0 < _words(part) <= 5 and part[:1].isupper():
            fields.append(part)
    if kind == "pipes":
        _read_pipe_fields(fields, info)
    return True


def _read_pipe_fields(fields: list[str], info: WireInfo) -> None:
    """ "ANI | Washington DC | Updated: ...": an agency (or the leading field) is the outlet, a place
    the dateline."""
    for part in fields:
        agency = find_agency(part)
        if agency and info.outlet is None:
            info.outlet, info.agency_country = agency.name, agency.country
            fields = [f for f in fields if f != part]
            break
    else:
        if len(fields) >= 2 and info.outlet is None:
            info.outlet, fields = fields[0], fields[1:]
    if info.dateline is None and fields:
        # only a choice between several fields needs the gazetteer
        if len(fields) == 1:
            info.dateline = fields[0]
        else:
            info.dateline = next((f for f in fields if place_country(f)), fields[0])


@cache
def _byline_agency() -> re.Pattern[str]:
    """An agency ending a byline line, after the byline's opener or a separator."""
    return re.compile(rf"(?:{_BYLINE_OPENING.pattern}|[\s,/])({agency_pattern()})\s*$", re.I)


def _outlet_from_byline(line: str, info: WireInfo) -> None:
    """ "By Jane Doe, Reuters", "By JOHN SMITH Associated Press", "By AFP"."""
    ending = _byline_agency().search(line)
    if ending and info.outlet is None:
        agency = find_agency(ending.group(1))
        if agency:
            info.outlet, info.agency_country = agency.name, agency.country
            return
    for part in re.split(r",|\band\b|/", line):
        agency = find_agency(part.strip()) or find_agency(_BYLINE_OPENING.sub("", part.strip()))
        if agency and info.outlet is None:
            info.outlet, info.agency_country = agency.name, agency.country


def _line_reason(line: str) -> str | None:
    """Why a whole line is not story text (caption, boilerplate, related link, ad), or None."""
    if _words(line) > 40:
        return None
    if _CAPTION.search(line):
        return CAPTION
    return _boilerplate_reason(line)


def _boilerplate_reason(line: str) -> str | None:
    if _words(line) > 30:
        return None
    if _ADVERT.match(line):
        return ADVERTISEMENT
    if _RELATED.match(line):
        return RELATED
    if _BOILERPLATE.match(line):
        return BOILERPLATE
    if _CREDITS.match(line):
        return CREDITS
    return None


def _trailer_pattern() -> re.Pattern[str]:
    agency = agency_pattern()
    return re.compile(
        rf"(?:\s*\(\s*(?:{_fragment('trailer_source')})?{agency}(?:\s*[,/&]\s*(?:and\s+)?{agency})*\s*\)"
        rf"|\s+(?:--|—|–|/)\s*{agency}|\s*/{agency})\s*$",
        re.I,
    )


_TRAILER: list[re.Pattern[str]] = []


def _read_tail(text: str, lines: list[_Line], head_end: int, info: WireInfo) -> int:
    """Peel boilerplate and trailing headlines off the end; return the index after the last story line."""
    end = len(lines)
    if not _TRAILER:
        _TRAILER.append(_trailer_pattern())
    candidates: list[Removed] = []
    while end - 1 > head_end:
        line = lines[end - 1]
        reason = _line_reason(line.text)
        if reason is None and _metadata_kind(line.text):
            reason = METADATA  # "Published: 21 Dec 2020" printed at the foot
        if reason is None and _is_trailing_headline(lines, end - 1, head_end):
            reason = TRAILING_HEADLINE
        if reason is None:
            break
        candidates.append(Removed(text=line.text, reason=reason, span=Span.of(text, line.start, line.end)))
        end -= 1
    info.removed.extend(candidates)
    if end > head_end:
        last = lines[end - 1]
        match = _TRAILER[0].search(last.text)
        if match:
            start = last.start + match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
            info.removed.append(
                Removed(text=text[start : last.end], reason=TRAILER, span=Span.of(text, start, last.end))
            )
            _outlet_from_trailer(text[start : last.end], info)
    return end


def _is_trailing_headline(lines: list[_Line], index: int, head_end: int) -> bool:
    """A short line without sentence punctuation after a finished story line."""
    line = lines[index].text
    if index - 1 < head_end or not (2 <= _words(line) <= 20) or len(line) > 160:
        return False
    if not line[:1].isupper() or not line[-1].isalnum():
        return False
    previous = lines[index - 1].text
    return bool(_SENTENCE_END.search(previous) or _TRAILER[0].search(previous))


def _outlet_from_trailer(trailer: str, info: WireInfo) -> None:
    if info.outlet is not None:
        return
    inner = _TRAILER_EDGES.sub("", trailer)
    agency = find_agency(re.split(r"\s*[,/&]\s*", inner)[0])
    if agency:
        info.outlet, info.agency_country = agency.name, agency.country




def _date_only() -> re.Pattern[str]:
    """ "Dec 21", "21 December": a month and day standing alone."""
    return re.compile(rf"(?:{'|'.join(month_stems())})[a-z]*\.?\s+\d{{1,2}}|\d{{1,2}}\s+[a-z]+\.?", re.I)


def _trailer_edges() -> re.Pattern[str]:
    """What surrounds the agency of a trailer: "(With inputs from PTI)", " -- AFP"."""
    return re.compile(rf"^[\s(\-—–/]*(?:{_fragment('trailer_source')})?|[)\s]*$", re.I)


_DATE_ONLY = _date_only()
_TRAILER_EDGES = _trailer_edges()
_LEAD_SEPARATOR = r"(?:--|—|–|-|_|:|\ufffd)"


def _lead_pattern() -> re.Pattern[str]:
    """A lead: place, optional [country], optional date and year, optional (agency), a separator."""
    return re.compile(
        r"(?P<place>[A-Z][\w.'’\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.'’\- ]{1,30}?)?)"
        r"(?:\s*\[(?P<country>[^\]]{1,30})\])?"
        r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s*(?P<year>\d{4}))?)?"
        r"\s*(?:\((?P<agency>[^()]{2,40})\))?"
        rf"\s*(?P<sep>{_LEAD_SEPARATOR})(?:\s+|$)",
    )


_LEAD = _lead_pattern()


def _lead_match(line: str) -> re.Match[str] | None:
    """ "WASHINGTON (Reuters) -", "BAGHDAD, Dec 20 (AFP) -", "Kabul [Afghanistan], May 3 (ANI):" """
    match = _LEAD.match(line)
    if not match:
        return None
    agency = match.group("agency")
    place = match.group("place").split(",")[0]
    letters = [c for c in place if c.isalpha()]
    caps = len(letters) >= 3 and all(c.isupper() for c in letters) and not any(c.isdigit() for c in place)
    if agency:
        # a known agency, or any source in parentheses after an all-caps place ("MOSUL, Iraq (Global Press) —")
        known = find_agency(re.split(r"\s*[,/]\s*", agency)[0])
        return match if known or (caps and _words(place) <= 4) else None
    # Without an agency only an all-caps place name of a few words counts ("BAGHDAD --"), followed by
    # a sentence; this keeps all-caps headlines ("COLTS BEAT CHIEFS 20 - 13") out.
    rest = line[match.end() :]
    # the story follows on the same line, or the lead stands alone on its line ("WASHINGTON _")
    sentence = (_words(rest) >= 8 and rest[:1].isupper() and not rest.isupper()) or not rest.strip()
    return match if caps and _words(place) <= 4 and sentence and match.group("sep") != ":" else None


def _read_lead(text: str, line: _Line, info: WireInfo) -> None:
    match = _lead_match(line.text)
    if not match:
        return
    place = match.group("place").strip()
    if match.group("country"):
        place = f"{place} [{match.group('country')}]"
    if not _DATE_ONLY.fullmatch(place):  # "Dec 21 (Reuters) -": a story filed from no named place
        info.dateline = info.dateline or place
    if match.group("agency") and info.outlet is None:
        agency = find_agency(re.split(r"\s*[,/]\s*", match.group("agency"))[0])
        if agency:
            info.outlet, info.agency_country = agency.name, agency.country
        else:
            info.outlet = match.group("agency").strip()  # an outlet our table does not know
    if match.group("date"):
        end = max(match.end("date"), match.end("year"))  # the year's end is -1 when there is none
        info.lead_date = parse_lead_date(text, line.start + match.start("date"), line.start + end)
    elif _DATE_ONLY.fullmatch(place):  # "Dec 21 (Reuters) -": the date stands where the place would
        info.lead_date = parse_lead_date(
            text, line.start + match.start("place"), line.start + match.end("place")
        )
    lead = match.group(0).rstrip()
    info.removed.append(
        Removed(text=lead, reason=DATELINE, span=Span.of(text, line.start, line.start + len(lead)))
    )


def _mark_inner(text: str, lines: list[_Line], info: WireInfo) -> None:
    """Captions and boilerplate between story paragraphs (the body span still covers them)."""
    seen = {r.span.start for r in info.removed}
    for line in lines:
        if line.start in seen:
            continue
        reason = _line_reason(line.text)
        if reason:
            info.removed.append(
                Removed(text=line.text, reason=reason, span=Span.of(text, line.start, line.end))
            )


def _late_stamp_date(lines: list[_Line], head_end: int) -> date | None:
    """The date of the first stamp line after the head ("Published: 21 Dec 2020" at the foot)."""
    for line in lines[head_end:]:
        if _metadata_kind(line.text) is None:
            continue
        stamp = find_stamp(line.text)
        if stamp:
            return date.fromisoformat(stamp.value[:10])
    return None


def _choose_stamp(stamps: list[tuple[str, Stamp]], info: WireInfo) -> str | None:
    """First publication beats an update; a stamp with a time beats a bare date."""
    if not stamps:
        return None
    ranked = sorted(
        stamps,
        key=lambda item: (not _FIRST_PUBLICATION.search(item[0]), not item[1].has_time),
    )
    label, stamp = ranked[0]
    if any(ambiguous_abbreviation(token) for token in re.findall(r"\b[A-Z]{2,5}\b", label)):
        # re-read with the country: the agency's, else the filing place's (a gazetteer lookup)
        country = info.agency_country or (place_country(info.dateline) if info.dateline else None)
        stamp = find_stamp(label, country=country) or stamp
    return stamp.value
