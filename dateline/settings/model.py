"""The types and bounds of every setting; the values and their documentation live in ``defaults.toml``.

One pydantic model per section, frozen, unknown keys refused: a typo in a user file is an error, not
a setting silently ignored. ``tests/settings`` checks that the model and ``defaults.toml`` name the same
keys and that every key there has a comment.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "DedupSettings",
    "ExtractSettings",
    "LimitsSettings",
    "LinkingSettings",
    "PlacesSettings",
    "RunSettings",
    "Settings",
    "StoreSettings",
    "WatchSettings",
]

_FROZEN = ConfigDict(frozen=True, extra="forbid")

Positive = Field(gt=0)
NonNegative = Field(ge=0)


class RunSettings(BaseModel):
    model_config = _FROZEN
    workers: int = Field(ge=1)


class ExtractSettings(BaseModel):
    model_config = _FROZEN
    pipeline: str


class LimitsSettings(BaseModel):
    model_config = _FROZEN
    max_bytes: int = Positive
    max_text_chars: int = Positive
    max_decompressed: int = Positive
    max_ratio: float = Positive
    ratio_floor: int = NonNegative
    max_depth: int = NonNegative
    max_members: int = Positive
    timeout: float = Positive
    host_delay: float = NonNegative
    max_host_delay: float = NonNegative
    max_redirects: int = NonNegative


class PlacesSettings(BaseModel):
    model_config = _FROZEN
    gazetteer: str


class DedupSettings(BaseModel):
    model_config = _FROZEN
    min_words: int = NonNegative
    num_perm: int = Positive
    bands: int = Positive
    near_duplicate_jaccard: float = Field(gt=0, le=1)


class StoreSettings(BaseModel):
    model_config = _FROZEN
    terms_per_query: int = Positive
    busy_timeout_ms: int = NonNegative
    keep_text: bool


class LinkingSettings(BaseModel):
    """The weights and thresholds of cross-article linking (``dateline.link``)."""

    model_config = _FROZEN
    day_window: int = NonNegative
    month_window: int = NonNegative
    year_window: int = NonNegative
    max_km: float = Positive
    link_threshold: float
    published_date_threshold: float
    undated_threshold: float
    text_weight: float
    max_keywords: int = Positive
    name_weight: float
    name_mismatch_ratio: float = NonNegative
    name_mismatch_score: float
    trigger_weight: float
    context_weight: float
    no_context_penalty: float
    far_penalty: float
    misplaced_penalty: float
    strong_context: float
    min_overlap: float = Field(ge=0, le=1)
    min_context: int = NonNegative
    max_context: int = Positive
    lead_min_count: int = Positive
    lead_penalty: float
    weekday_penalty: float
    max_undated_candidates: int = Positive
    max_block: int = Positive


class WatchSettings(BaseModel):
    """Polling, retries and backoff of ``dateline watch``."""

    model_config = _FROZEN
    every: str = Field(pattern=r"^\s*\d+(\.\d+)?\s*[smhd]?\s*$")
    fetch_retries: int = NonNegative
    fetch_backoff: float = NonNegative
    max_retry_after: float = NonNegative
    retry_base: float = NonNegative
    retry_max: float = NonNegative
    max_attempts: int = Positive
    max_sitemap_depth: int = NonNegative


class Settings(BaseModel):
    """Every effective setting, by section (``dateline.settings.load``)."""

    model_config = _FROZEN
    run: RunSettings
    extract: ExtractSettings
    limits: LimitsSettings
    places: PlacesSettings
    dedup: DedupSettings
    store: StoreSettings
    linking: LinkingSettings
    watch: WatchSettings
